package com.moviepeople.media;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link S3MediaStorage} against the {@link MediaStorageContract}, talking HTTP to a real S3 API
 * server ({@link TestS3}); plus what only S3 has: the objects' headers, a missing bucket or wrong
 * credentials told apart from a missing file, and the configuration.
 */
class S3MediaStorageTests extends MediaStorageContract {

    private static final String BUCKET = "media-contract";

    @TempDir
    static Path dir;

    private static TestS3 s3;
    private static S3MediaStorage storage;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = TestS3.start(dir);
        s3.createBucket(BUCKET);
        storage = s3.storage(BUCKET);
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (storage != null) {
            storage.close();
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Override
    MediaStorage storage() {
        return storage;
    }

    @Test
    void objectsAreStoredUnderTheirKeyAsImmutableJpegs() throws IOException {
        String key = newKey("400");
        storage.put(key, randomBytes(4_000, 9), PictureService.CONTENT_TYPE);
        assertThat(s3.keys(BUCKET)).contains(key);
        HeadObjectResponse head = s3.head(BUCKET, key);
        assertThat(head.contentType()).isEqualTo("image/jpeg");
        assertThat(head.cacheControl()).isEqualTo("public, max-age=31536000, immutable");
        assertThat(head.contentLength()).isEqualTo(4_000);
    }

    @Test
    void aMissingBucketOrWrongCredentialsAreErrorsNotMissingFiles() throws Exception {
        String key = newKey("400");
        try (S3MediaStorage noBucket = s3.storage("no-such-bucket")) {
            assertThatThrownBy(() -> noBucket.get(key)).isInstanceOf(IOException.class).hasMessageContaining("no-such-bucket");
            assertThatThrownBy(() -> noBucket.put(key, new byte[]{1}, PictureService.CONTENT_TYPE)).isInstanceOf(IOException.class);
        }
        try (S3MediaStorage wrongSecret = new S3MediaStorage(s3.endpoint(), BUCKET, TestS3.REGION, TestS3.ACCESS_KEY,
                "not-the-secret", true)) {
            assertThatThrownBy(() -> wrongSecret.get(key)).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> wrongSecret.put(key, new byte[]{1}, PictureService.CONTENT_TYPE)).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> wrongSecret.delete(key)).isInstanceOf(IOException.class);
        }
        assertThat(s3.keys(BUCKET)).doesNotContain(key);
    }

    @Test
    void aBucketIsRequiredAndKeysComeInPairs() {
        assertThatThrownBy(() -> new S3MediaStorage(s3.endpoint(), " ", "", TestS3.ACCESS_KEY, TestS3.SECRET_KEY, true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("moviepeople.storage.s3.bucket");
        assertThatThrownBy(() -> new S3MediaStorage(s3.endpoint(), BUCKET, "", TestS3.ACCESS_KEY, "", true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("secret-key");
    }

    @Test
    void theStorageTypeChoosesTheImplementation() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withUserConfiguration(LocalMediaStorage.class, S3MediaStorage.class)
                .withPropertyValues("moviepeople.storage.local-dir=" + dir.resolve("local"));
        runner.run(context -> assertThat(context).hasSingleBean(MediaStorage.class).hasSingleBean(LocalMediaStorage.class));
        runner.withPropertyValues("moviepeople.storage.type=s3", "moviepeople.storage.s3.endpoint=" + s3.endpoint(),
                        "moviepeople.storage.s3.bucket=" + BUCKET, "moviepeople.storage.s3.access-key=" + TestS3.ACCESS_KEY,
                        "moviepeople.storage.s3.secret-key=" + TestS3.SECRET_KEY, "moviepeople.storage.s3.path-style=true")
                .run(context -> {
                    assertThat(context).hasSingleBean(MediaStorage.class).hasSingleBean(S3MediaStorage.class);
                    MediaStorage configured = context.getBean(MediaStorage.class);
                    String key = newKey("96");
                    configured.put(key, randomBytes(10, 10), PictureService.CONTENT_TYPE);
                    assertThat(s3.keys(BUCKET)).contains(key);
                });
        runner.withPropertyValues("moviepeople.storage.type=s3")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasRootCauseMessage("moviepeople.storage.type=s3 needs moviepeople.storage.s3.bucket"));
    }
}
