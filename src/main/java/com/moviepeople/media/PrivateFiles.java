package com.moviepeople.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Files only the app reads and hands to their owner (members' data exports), kept in the same
 * storage as pictures (a local folder or an S3 bucket, so every app instance sees them), under keys
 * that {@code GET /media/} never serves. Who may read one is the caller's business.
 */
public interface PrivateFiles {

    /** Stores a zip file from disk under a new random key; the key. */
    String storeZip(Path file) throws IOException;

    /** The file, or empty if there is none (or the key is not a private file's). The caller closes the stream. */
    Optional<Opened> open(String key) throws IOException;

    /** Deletes the file; nothing happens if there is none. */
    void delete(String key) throws IOException;

    record Opened(InputStream content, long length) {
    }
}
