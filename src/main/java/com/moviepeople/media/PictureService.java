package com.moviepeople.media;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Stores pictures: the upload is copied to a temporary file (never held whole in memory), checked
 * and re-encoded ({@link PictureProcessor}), its sizes written to the {@link MediaStorage} and
 * recorded in {@code media_object} in the caller's transaction. Files written for a transaction
 * that then rolls back are deleted again, so a failed upload leaves no file and no row.
 */
@Service
class PictureService implements Pictures {

    static final String CONTENT_TYPE = "image/jpeg";
    private static final Logger log = LoggerFactory.getLogger(PictureService.class);

    private final PictureProcessor processor;
    private final MediaStorage storage;
    private final JdbcClient jdbc;

    PictureService(PictureProcessor processor, MediaStorage storage, JdbcClient jdbc) {
        this.processor = processor;
        this.storage = storage;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public Picture store(long ownerId, InputStreamSource upload, PictureKind kind) {
        PictureProcessor.Processed processed;
        Path temporary = null;
        try {
            temporary = Files.createTempFile("moviepeople-upload-", ".bin");
            long size;
            try (InputStream in = upload.getInputStream()) {
                size = Files.copy(in, temporary, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            if (size == 0) {
                throw new InvalidPictureException("Choose a picture to upload.");
            }
            if (size > MAX_BYTES) {
                throw new InvalidPictureException("This file is larger than 10 MB.");
            }
            processed = processor.process(temporary, kind);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(temporary);
        }
        String id = MediaKeys.newPictureId();
        List<String> written = new ArrayList<>();
        // Registered before the first file is written: a rollback (or a failure below) removes them all.
        onRollback(written);
        try {
            for (Map.Entry<String, byte[]> file : processed.files().entrySet()) {
                String key = id + "-" + file.getKey() + ".jpg";
                storage.put(key, file.getValue(), CONTENT_TYPE);
                written.add(key);
                int[] shape = processed.shapes().get(file.getKey());
                jdbc.sql("""
                                insert into media_object (key, picture_id, owner_id, content_type, bytes, width, height)
                                values (:key, :picture, :owner, :type, :bytes, :width, :height)""")
                        .param("key", key).param("picture", id).param("owner", ownerId).param("type", CONTENT_TYPE)
                        .param("bytes", file.getValue().length).param("width", shape[0]).param("height", shape[1])
                        .update();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store a picture", e);
        }
        return new Picture(id, processed.width(), processed.height());
    }

    @Override
    @Transactional
    public void delete(Collection<String> pictureIds) {
        List<String> ids = pictureIds.stream().filter(MediaKeys::isPictureId).distinct().toList();
        if (ids.isEmpty()) {
            return;
        }
        List<String> keys = jdbc.sql("delete from media_object where picture_id = any(:ids) returning key")
                .param("ids", ids.toArray(String[]::new)).query(String.class).list();
        afterCommit(keys);
    }

    /** An account is gone: all its files (the rows go now, the files after the commit). */
    @Transactional
    public void deleteAllOf(long ownerId) {
        afterCommit(jdbc.sql("delete from media_object where owner_id = :owner returning key")
                .param("owner", ownerId).query(String.class).list());
    }

    private void onRollback(List<String> written) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    deleteFiles(written);
                }
            }
        });
    }

    private void afterCommit(List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            deleteFiles(keys);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                deleteFiles(keys);
            }
        });
    }

    private void deleteFiles(List<String> keys) {
        for (String key : keys) {
            try {
                storage.delete(key);
            } catch (IOException | RuntimeException e) {
                // The row is gone, so nothing serves it; the operator sees what is left over.
                log.warn("Could not delete media file {}: {}", key, e.getMessage());
            }
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not delete temporary upload {}", file);
            }
        }
    }
}
