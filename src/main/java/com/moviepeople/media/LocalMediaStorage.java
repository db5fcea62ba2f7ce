package com.moviepeople.media;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Picture files in a folder ({@code moviepeople.storage.local-dir}, by default {@code media} in the
 * data directory): nothing to set up. Written to a temporary file and moved into place, so a
 * reader never sees half a file.
 */
@Component
@ConditionalOnProperty(name = "moviepeople.storage.type", havingValue = "local", matchIfMissing = true)
class LocalMediaStorage implements MediaStorage {

    private final Path dir;

    LocalMediaStorage(@Value("${moviepeople.storage.local-dir:${moviepeople.data-dir:./data}/media}") Path dir) throws IOException {
        this.dir = Files.createDirectories(dir.toAbsolutePath().normalize());
    }

    private Path path(String key) {
        if (MediaKeys.isPrivateKey(key)) {
            String name = key.substring("private/".length());
            return dir.resolve("private").resolve(name.substring(0, 2)).resolve(name);
        }
        if (!MediaKeys.isFileKey(key)) {
            throw new IllegalArgumentException("Not a media key: " + key);
        }
        // Two levels of folders from the key's first characters keep folders small.
        return dir.resolve(key.substring(0, 2)).resolve(key);
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) throws IOException {
        Path target = path(key);
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
        try {
            Files.write(temporary, bytes);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public void putFile(String key, Path file, String contentType) throws IOException {
        Path target = path(key);
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
        try {
            Files.copy(file, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public Optional<StoredFile> get(String key) throws IOException {
        Path file = path(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(new StoredFile(Files.newInputStream(file), Files.size(file)));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(path(key));
    }
}
