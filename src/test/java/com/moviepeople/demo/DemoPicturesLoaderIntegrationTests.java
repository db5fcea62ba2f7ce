package com.moviepeople.demo;

import com.moviepeople.media.Picture;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.web.servlet.MvcResult;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The demo community arrives with profile photos and stills, served from /media like any upload, and only once. */
class DemoPicturesLoaderIntegrationTests extends DemoLoaderTest {

    private DemoPicturesLoader loader(MockEnvironment environment) {
        return new DemoPicturesLoader(profiles, portfolio, members, environment);
    }

    private String photoOf(String username) {
        return jdbc.queryForObject("select photo_id from profile where member_id = ?", String.class, id(username));
    }

    private List<String> stillsOf(String username, String title) {
        return jdbc.queryForList("""
                select s.picture_id from portfolio_still s join portfolio_item i on i.id = s.item_id
                where i.owner_id = ? and i.title = ? order by s.id""", String.class, id(username), title);
    }

    private BufferedImage served(String url) throws Exception {
        MvcResult result = mvc.perform(get(url)).andReturn();
        assertThat(result.getResponse().getStatus()).as(url).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).isEqualTo("image/jpeg");
        return ImageIO.read(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()));
    }

    @Test
    void everyDemoPictureIsThereWithItsAttribution() throws Exception {
        String attribution = new ClassPathResource(DemoPicturesLoader.FOLDER + "ATTRIBUTION.md")
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        List<String> files = new java.util.ArrayList<>(DemoPicturesLoader.PHOTOS.stream().map(DemoPicturesLoader.DemoPhoto::file).toList());
        DemoPicturesLoader.STILLS.forEach(s -> files.addAll(s.files()));
        for (String file : files) {
            ClassPathResource resource = new ClassPathResource(DemoPicturesLoader.FOLDER + file);
            assertThat(resource.exists()).as(file).isTrue();
            assertThat(resource.contentLength()).as(file).isLessThan(1_000_000);
            assertThat(attribution).as(file).contains("`" + file + "`");
        }
    }

    @Test
    void givesPhotosAndStillsOnceServedFromMedia() throws Exception {
        loadCommunity();
        loader(demoOn).run(null);

        for (DemoPicturesLoader.DemoPhoto p : DemoPicturesLoader.PHOTOS) {
            String photo = photoOf(p.member());
            assertThat(photo).as(p.member()).isNotNull();
            assertThat(served(Picture.url(photo, "96")).getWidth()).isEqualTo(96);
            assertThat(served(Picture.url(photo, "400")).getWidth()).isEqualTo(400);
        }
        // Members without one keep their initials.
        assertThat(photoOf("julien")).isNull();

        List<String> maya = stillsOf("maya", "Spring — lighting breakdown");
        assertThat(maya).hasSize(3);
        assertThat(stillsOf("oliver", "Tears of Steel — lighting study")).hasSize(1);
        BufferedImage large = served(Picture.url(maya.get(0), "1600"));
        assertThat(large.getWidth()).isEqualTo(1600);
        assertThat(served(Picture.url(maya.get(0), "320")).getWidth()).isEqualTo(320);

        // The profile shows the photo and the gallery.
        String profile = mvc.perform(get("/people/maya").with(user(currentMember("lucia"))))
                .andReturn().getResponse().getContentAsString();
        assertThat(profile).contains(Picture.url(photoOf("maya"), "400")).contains("data-gallery")
                .contains("href=\"" + Picture.url(maya.get(0), "1600") + "\"")
                .contains("src=\"" + Picture.url(maya.get(0), "320") + "\"");

        // A second start adds nothing.
        Map<String, Object> before = jdbc.queryForMap("""
                select (select count(*) from media_object) as files, (select count(*) from portfolio_still) as stills,
                       (select count(*) from profile where photo_id is not null) as photos""");
        loader(demoOn).run(null);
        assertThat(jdbc.queryForMap("""
                select (select count(*) from media_object) as files, (select count(*) from portfolio_still) as stills,
                       (select count(*) from profile where photo_id is not null) as photos""")).isEqualTo(before);
        assertThat(before.get("files")).isEqualTo((long) (DemoPicturesLoader.PHOTOS.size() * 2 + 4 * 2));
    }

    @Test
    void leavesAloneACommunityThatHasPicturesOrIsNotTheDemo() {
        // Switched off: nothing.
        loadCommunity();
        loader(new MockEnvironment().withProperty("moviepeople.demo-data", "false")).run(null);
        assertThat(count("select count(*) from media_object")).isZero();

        // One of them has chosen a photo already (a restart after the members used the site): nothing more.
        profiles.setPhoto(id("oliver"), new ClassPathResource(DemoPicturesLoader.FOLDER + "photo-lamps.jpg"));
        loader(demoOn).run(null);
        assertThat(count("select count(*) from media_object")).isEqualTo(2);
        assertThat(count("select count(*) from portfolio_still")).isZero();
    }

    @Test
    void withoutTheDemoMembersDoesNothing() {
        loader(demoOn).run(null);
        assertThat(count("select count(*) from media_object")).isZero();
    }
}
