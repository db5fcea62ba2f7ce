package com.moviepeople.media;

import org.springframework.stereotype.Service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** {@link PrivateFiles} in the app's {@link MediaStorage}, under {@code private/} keys. */
@Service
class PrivateFileService implements PrivateFiles {

    private final MediaStorage storage;

    PrivateFileService(MediaStorage storage) {
        this.storage = storage;
    }

    @Override
    public String storeZip(Path file) throws IOException {
        String key = "private/" + MediaKeys.newPictureId() + ".zip";
        storage.putFile(key, file, "application/zip");
        return key;
    }

    @Override
    public Optional<Opened> open(String key) throws IOException {
        if (!MediaKeys.isPrivateKey(key)) {
            return Optional.empty();
        }
        return storage.get(key).map(file -> new Opened(file.content(), file.length()));
    }

    @Override
    public void delete(String key) throws IOException {
        if (MediaKeys.isPrivateKey(key)) {
            storage.delete(key);
        }
    }
}
