package com.moviepeople.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where picture files live: a folder under the data directory ({@code moviepeople.storage.type=local},
 * the default) or an S3-compatible bucket ({@code s3}). Keys are immutable: a changed picture gets a new one.
 * Besides pictures it keeps private files ({@link MediaKeys#PRIVATE_KEY}, members' data exports), which
 * only the app reads and {@code GET /media/} never serves.
 */
interface MediaStorage {

    void put(String key, byte[] bytes, String contentType) throws IOException;

    /** Stores a file from disk, streamed (a data export may be large); private keys only are never served. */
    void putFile(String key, Path file, String contentType) throws IOException;

    /** The file, or empty if there is none. The caller closes the stream. */
    Optional<StoredFile> get(String key) throws IOException;

    /** Deletes the file; nothing happens if there is none. */
    void delete(String key) throws IOException;

    record StoredFile(InputStream content, long length) {
    }
}
