package com.moviepeople.media;

import com.moviepeople.IntegrationTest;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole app with {@code moviepeople.storage.type=s3} against a real S3 API server ({@link TestS3}):
 * a profile photo uploaded through the page lands in the bucket, is served from {@code /media/...}
 * out of it, and its removal deletes the objects. The context is closed afterwards, as the server
 * stops with this class.
 */
@DirtiesContext
class S3StorageIntegrationTests extends IntegrationTest {

    private static final String BUCKET = "moviepeople-media";

    @TempDir
    static Path dir;

    private static TestS3 s3;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = TestS3.start(dir);
        s3.createBucket(BUCKET);
    }

    @AfterAll
    static void stopS3() throws Exception {
        if (s3 != null) {
            s3.close();
        }
    }

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("moviepeople.storage.type", () -> "s3");
        registry.add("moviepeople.storage.s3.endpoint", () -> s3.endpoint());
        registry.add("moviepeople.storage.s3.bucket", () -> BUCKET);
        registry.add("moviepeople.storage.s3.region", () -> TestS3.REGION);
        registry.add("moviepeople.storage.s3.access-key", () -> TestS3.ACCESS_KEY);
        registry.add("moviepeople.storage.s3.secret-key", () -> TestS3.SECRET_KEY);
        registry.add("moviepeople.storage.s3.path-style", () -> "true");
    }

    @Autowired
    MediaStorage storage;

    private List<String> keysOf(CurrentMember member) {
        return jdbc.queryForList("select key from media_object where owner_id = ? order by key", String.class, member.id());
    }

    @Test
    void aProfilePhotoIsStoredInTheBucketServedFromItAndDeletedFromIt() throws Exception {
        assertThat(storage).isInstanceOf(S3MediaStorage.class);
        CurrentMember maya = newMember("maya");
        MvcResult uploaded = mvc.perform(multipart("/profile/photo")
                .file(new MockMultipartFile("photo", "me.jpg", "image/jpeg", TestPictures.jpegWithExif(900, 600, 1)))
                .with(user(maya)).with(csrf())).andReturn();
        assertThat(uploaded.getResponse().getStatus()).isEqualTo(302);
        String id = jdbc.queryForObject("select photo_id from profile where member_id = ?", String.class, maya.id());

        List<String> keys = keysOf(maya);
        assertThat(keys).isNotEmpty().allSatisfy(key -> assertThat(key).startsWith(id + "-")).contains(id + "-400.jpg");
        assertThat(s3.keys(BUCKET)).containsAll(keys);
        assertThat(s3.head(BUCKET, id + "-400.jpg").contentType()).isEqualTo("image/jpeg");

        MvcResult served = mvc.perform(get(Picture.url(id, "400"))).andExpect(status().isOk()).andReturn();
        assertThat(served.getResponse().getContentType()).isEqualTo("image/jpeg");
        assertThat(served.getResponse().getHeader("Cache-Control")).contains("max-age=31536000").contains("immutable");
        byte[] body = served.getResponse().getContentAsByteArray();
        assertThat(served.getResponse().getContentLengthLong()).isEqualTo(body.length);
        assertThat(body).isEqualTo(s3.client().getObjectAsBytes(request -> request.bucket(BUCKET).key(id + "-400.jpg")).asByteArray());
        assertThat(ImageIO.read(new ByteArrayInputStream(body)).getWidth()).isEqualTo(400);
        mvc.perform(get("/media/AAAAAAAAAAAAAAAAAAAAAA-400.jpg")).andExpect(status().isNotFound());

        mvc.perform(post("/profile/photo/delete").with(user(maya)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(keysOf(maya)).isEmpty();
        assertThat(s3.keys(BUCKET)).doesNotContainAnyElementsOf(keys);
        mvc.perform(get(Picture.url(id, "400"))).andExpect(status().isNotFound());
    }
}
