package com.moviepeople.media;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where picture files live: a folder under the data directory ({@code moviepeople.storage.type=local},
 * the default) or an S3-compatible bucket ({@code s3}). Keys are immutable: a changed picture gets a new one.
 */
interface MediaStorage {

    void put(String key, byte[] bytes, String contentType) throws IOException;

    /** The file, or empty if there is none. The caller closes the stream. */
    Optional<StoredFile> get(String key) throws IOException;

    /** Deletes the file; nothing happens if there is none. */
    void delete(String key) throws IOException;

    record StoredFile(InputStream content, long length) {
    }
}
