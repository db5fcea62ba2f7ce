package com.moviepeople.media;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link MediaStorage} must do, run against each of them ({@link LocalMediaStorageTests},
 * {@link S3MediaStorageTests}): the app cannot tell them apart.
 */
abstract class MediaStorageContract {

    /** A storage with nothing of this test's in it (keys are random, so others' files do not matter). */
    abstract MediaStorage storage();

    static String newKey(String size) {
        return MediaKeys.newPictureId() + "-" + size + ".jpg";
    }

    static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** The file's bytes and its declared length, which must agree; empty if there is no file. */
    Optional<byte[]> read(String key) throws IOException {
        Optional<MediaStorage.StoredFile> file = storage().get(key);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = file.get().content()) {
            byte[] bytes = in.readAllBytes();
            assertThat(file.get().length()).as("declared length of %s", key).isEqualTo(bytes.length);
            return Optional.of(bytes);
        }
    }

    @Test
    void aFileComesBackByteForByte() throws IOException {
        // Every byte value, and more than one buffer's worth.
        byte[] bytes = randomBytes(300_000, 1);
        String key = newKey("1200");
        storage().put(key, bytes, PictureService.CONTENT_TYPE);
        assertThat(read(key)).hasValueSatisfying(read -> assertThat(read).isEqualTo(bytes));
        // Read again: a key is not used up by reading it.
        assertThat(read(key)).hasValueSatisfying(read -> assertThat(read).isEqualTo(bytes));

        byte[] small = {(byte) 0xFF, (byte) 0xD8, 0, '\r', '\n', (byte) 0xFF, (byte) 0xD9};
        String smallKey = newKey("96");
        storage().put(smallKey, small, PictureService.CONTENT_TYPE);
        assertThat(read(smallKey)).hasValueSatisfying(read -> assertThat(read).isEqualTo(small));
    }

    @Test
    void aPrivateFileIsStoredFromDiskAndComesBackByteForByte() throws IOException {
        byte[] bytes = randomBytes(200_000, 7);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("contract-", ".zip");
        try {
            java.nio.file.Files.write(file, bytes);
            String key = "private/" + MediaKeys.newPictureId() + ".zip";
            storage().putFile(key, file, "application/zip");
            assertThat(read(key)).hasValueSatisfying(read -> assertThat(read).isEqualTo(bytes));
            storage().delete(key);
            assertThat(storage().get(key)).isEmpty();
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        // Only keys of the two known shapes: nothing reaches outside the storage.
        assertThatThrownBy(() -> storage().putFile("private/../../etc.zip", file, "application/zip"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMissingKeyIsEmptyAndDeletingItIsHarmless() throws IOException {
        String key = newKey("400");
        assertThat(storage().get(key)).isEmpty();
        storage().delete(key);
        assertThat(storage().get(key)).isEmpty();
    }

    @Test
    void aDeletedFileIsGoneAndItsNeighboursStay() throws IOException {
        String id = MediaKeys.newPictureId();
        String large = id + "-400.jpg";
        String small = id + "-96.jpg";
        storage().put(large, randomBytes(5_000, 2), PictureService.CONTENT_TYPE);
        storage().put(small, randomBytes(1_000, 3), PictureService.CONTENT_TYPE);

        storage().delete(large);
        assertThat(storage().get(large)).isEmpty();
        assertThat(read(small)).hasValueSatisfying(read -> assertThat(read).isEqualTo(randomBytes(1_000, 3)));
        storage().delete(large);

        storage().delete(small);
        assertThat(storage().get(small)).isEmpty();
    }

    @Test
    void writingAKeyAgainReplacesTheWholeFile() throws IOException {
        String key = newKey("400");
        storage().put(key, randomBytes(50_000, 4), PictureService.CONTENT_TYPE);
        byte[] shorter = randomBytes(2_000, 5);
        storage().put(key, shorter, PictureService.CONTENT_TYPE);
        // Nothing of the longer first file is left at the end.
        assertThat(read(key)).hasValueSatisfying(read -> assertThat(read).isEqualTo(shorter));
    }

    @Test
    void anEmptyFileIsStoredAsEmpty() throws IOException {
        String key = newKey("96");
        storage().put(key, new byte[0], PictureService.CONTENT_TYPE);
        assertThat(read(key)).hasValueSatisfying(read -> assertThat(read).isEmpty());
    }

    @Test
    void onlyMediaKeysAreAccepted() throws IOException {
        String id = MediaKeys.newPictureId();
        String valid = id + "-400.jpg";
        storage().put(valid, randomBytes(100, 6), PictureService.CONTENT_TYPE);
        List<String> refused = Arrays.asList(null, "", "../" + valid, id + "/../" + valid, "a/" + valid, "/" + valid,
                id + "-400.png", id + "-400.jpg/", id + "-400.JPG", id + "-400.jpg\n", id.substring(1) + "-400.jpg",
                id + "-123456789.jpg", id + ".jpg", id, "%2e%2e%2f" + valid, id.replace(id.charAt(0), '.') + "-400.jpg");
        for (String key : refused) {
            assertThatThrownBy(() -> storage().put(key, new byte[]{1}, PictureService.CONTENT_TYPE))
                    .as("put %s", key).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> storage().get(key)).as("get %s", key).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> storage().delete(key)).as("delete %s", key).isInstanceOf(IllegalArgumentException.class);
        }
        // The valid neighbour was not touched by any of them.
        assertThat(read(valid)).hasValueSatisfying(read -> assertThat(read).isEqualTo(randomBytes(100, 6)));
    }
}
