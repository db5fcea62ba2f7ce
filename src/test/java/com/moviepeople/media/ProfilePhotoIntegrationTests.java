package com.moviepeople.media;

import com.moviepeople.IntegrationTest;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Profile photos through the pages: upload, serve, replace, remove; hostile files refused with the
 * reason next to the field and nothing stored; one member cannot touch another's; an account's
 * deletion takes its files.
 */
class ProfilePhotoIntegrationTests extends IntegrationTest {

    @Autowired
    MediaStorage storage;

    @Autowired
    com.moviepeople.feed.Feed feed;

    private MvcResult upload(CurrentMember m, byte[] bytes, String name, String type) throws Exception {
        return mvc.perform(multipart("/profile/photo").file(new MockMultipartFile("photo", name, type, bytes))
                .with(user(m)).with(csrf())).andReturn();
    }

    private String photoId(CurrentMember m) {
        return jdbc.query("select photo_id from profile where member_id = ?", rs -> rs.next() ? rs.getString(1) : null, m.id());
    }

    private long files(CurrentMember m) {
        return jdbc.queryForObject("select count(*) from media_object where owner_id = ?", Long.class, m.id());
    }

    private boolean stored(String key) throws Exception {
        return storage.get(key).map(f -> {
            try (var in = f.content()) {
                return true;
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }).orElse(false);
    }

    @Test
    void aPhotoIsStoredReEncodedServedAndShownThenReplacedAndRemoved() throws Exception {
        CurrentMember maya = newMember("maya");
        MvcResult uploaded = upload(maya, TestPictures.jpegWithExif(900, 600, 1), "holiday.jpg", "image/jpeg");
        assertThat(uploaded.getResponse().getStatus()).isEqualTo(302);
        String first = photoId(maya);
        assertThat(first).matches("[A-Za-z0-9_-]{22}");
        assertThat(files(maya)).isEqualTo(2);

        // Served by us, as JPEG, for a year, without a session; without the upload's metadata.
        MvcResult served = mvc.perform(get(Picture.url(first, "400"))).andExpect(status().isOk()).andReturn();
        assertThat(served.getResponse().getContentType()).isEqualTo("image/jpeg");
        assertThat(served.getResponse().getHeader("Cache-Control")).contains("max-age=31536000").contains("immutable");
        assertThat(served.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        byte[] body = served.getResponse().getContentAsByteArray();
        assertThat(javax.imageio.ImageIO.read(new ByteArrayInputStream(body)).getWidth()).isEqualTo(400);
        assertThat(new String(body, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("Exif").doesNotContain("SN12345");
        mvc.perform(get("/media/AAAAAAAAAAAAAAAAAAAAAA-400.jpg")).andExpect(status().isNotFound());

        // Shown on the profile instead of the initials; the page lets images come from the app only.
        MvcResult page = mvc.perform(get("/people/" + maya.username())).andReturn();
        assertThat(page.getResponse().getHeader("Content-Security-Policy"))
                .contains("img-src 'self' data: https://i.ytimg.com https://i.vimeocdn.com;").doesNotContain("img-src 'self' https:");
        String profile = page.getResponse().getContentAsString();
        assertThat(profile).contains("src=\"" + Picture.url(first, "400") + "\"").contains("data-avatar-photo")
                .contains("<meta property=\"og:image\" content=\"http://localhost" + Picture.url(first, "400") + "\">");

        // Wherever Maya is shown: her navigation, a colleague's feed, search results, the member cards.
        CurrentMember ben = newMember("ben");
        connect(maya, ben);
        feed.publish(maya.id(), "Wrapped today");
        String small = Picture.url(first, "96");
        assertThat(mvc.perform(get("/feed").with(user(maya))).andReturn().getResponse().getContentAsString())
                .containsPattern("data-nav=\"profile\">\\s*<img src=\"" + java.util.regex.Pattern.quote(small) + "\"");
        await().atMost(Duration.ofSeconds(10)).until(() -> mvc.perform(get("/feed").with(user(ben))).andReturn().getResponse()
                .getContentAsString().contains("src=\"" + small + "\""));
        assertThat(mvc.perform(get("/search").param("q", maya.username()).with(user(ben))).andReturn().getResponse()
                .getContentAsString()).contains("src=\"" + small + "\"");
        assertThat(mvc.perform(get("/connections").with(user(ben))).andReturn().getResponse().getContentAsString())
                .contains("src=\"" + small + "\"");

        // Replaced: the old files go.
        upload(maya, TestPictures.png(500, 500), "new.png", "image/png");
        String second = photoId(maya);
        assertThat(second).isNotEqualTo(first);
        assertThat(files(maya)).isEqualTo(2);
        assertThat(stored(first + "-400.jpg")).isFalse();
        assertThat(stored(second + "-400.jpg")).isTrue();

        // Removed: initials again, no files.
        mvc.perform(post("/profile/photo/delete").with(user(maya)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(photoId(maya)).isNull();
        assertThat(files(maya)).isZero();
        assertThat(stored(second + "-96.jpg")).isFalse();
    }

    @Test
    void hostileFilesAreRefusedNextToTheFieldAndNothingIsStored() throws Exception {
        CurrentMember maya = newMember("maya");
        List<byte[]> hostile = List.of(TestPictures.html(), TestPictures.svg(), TestPictures.polyglot(), TestPictures.gif(),
                TestPictures.truncated(TestPictures.jpeg(800, 600)), TestPictures.pngClaiming(20_000, 20_000), new byte[0]);
        for (byte[] file : hostile) {
            MvcResult result = upload(maya, file, "innocent.jpg", "image/jpeg");
            assertThat(result.getResponse().getStatus()).isEqualTo(400);
            assertThat(result.getResponse().getContentAsString()).contains("id=\"photo-error\"").contains("is-invalid")
                    .contains("data-form=\"profile\"");
        }
        assertThat(photoId(maya)).isNull();
        assertThat(files(maya)).isZero();
        // No field at all.
        assertThat(mvc.perform(multipart("/profile/photo").with(user(maya)).with(csrf())).andReturn().getResponse().getStatus())
                .isEqualTo(400);
    }

    @Test
    void anOversizedUploadGetsThe413PageBeforeAnythingIsRead() throws Exception {
        CurrentMember maya = newMember("maya");
        MvcResult result = mvc.perform(multipart("/profile/photo")
                .file(new MockMultipartFile("photo", "huge.jpg", "image/jpeg", new byte[12 * 1024 * 1024]))
                // The body's length as a browser declares it (MockMvc does not compute it for multipart).
                .with(request -> {
                    request.setContent(new byte[12 * 1024 * 1024]);
                    return request;
                })
                .with(user(maya)).with(csrf())).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(413);
        assertThat(files(maya)).isZero();
    }

    @Test
    void nobodyTouchesAnothersPhotoAndADeletedAccountTakesItsFiles() throws Exception {
        CurrentMember maya = newMember("maya");
        CurrentMember ben = newMember("ben");
        upload(maya, TestPictures.jpeg(300, 300), "me.jpg", "image/jpeg");
        String mayas = photoId(maya);
        // Ben's requests act on Ben's own profile only: there is no way to name Maya's.
        mvc.perform(post("/profile/photo/delete").with(user(ben)).with(csrf())).andExpect(status().is3xxRedirection());
        upload(ben, TestPictures.jpeg(300, 300), "ben.jpg", "image/jpeg");
        assertThat(photoId(maya)).isEqualTo(mayas);
        assertThat(stored(mayas + "-96.jpg")).isTrue();
        // Anonymous: to the login page, nothing stored.
        mvc.perform(multipart("/profile/photo").file(new MockMultipartFile("photo", "x.jpg", "image/jpeg", TestPictures.jpeg(64, 64)))
                .with(csrf())).andExpect(status().is3xxRedirection());

        mvc.perform(post("/settings/delete-account").with(user(maya)).with(csrf()).param("password", PASSWORD))
                .andExpect(status().is3xxRedirection());
        await().atMost(Duration.ofSeconds(10)).until(() -> files(maya) == 0);
        assertThat(stored(mayas + "-96.jpg")).isFalse();
        assertThat(stored(mayas + "-400.jpg")).isFalse();
    }
}
