package com.moviepeople.media;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link LocalMediaStorage} against the {@link MediaStorageContract}, in a temporary folder. */
class LocalMediaStorageTests extends MediaStorageContract {

    @TempDir
    Path dir;

    private LocalMediaStorage storage;

    @BeforeEach
    void createStorage() throws IOException {
        storage = new LocalMediaStorage(dir.resolve("media"));
    }

    @Override
    MediaStorage storage() {
        return storage;
    }

    @Test
    void filesLieUnderTheFolderWithNoTemporaryFilesLeft() throws IOException {
        String key = newKey("400");
        storage.put(key, randomBytes(1_000, 7), PictureService.CONTENT_TYPE);
        storage.put(key, randomBytes(2_000, 8), PictureService.CONTENT_TYPE);
        try (Stream<Path> files = Files.walk(dir).filter(Files::isRegularFile)) {
            assertThat(files.map(file -> dir.relativize(file).toString()))
                    .containsExactly("media/" + key.substring(0, 2) + "/" + key);
        }
    }
}
