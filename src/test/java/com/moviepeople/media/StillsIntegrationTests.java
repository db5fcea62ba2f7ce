package com.moviepeople.media;

import com.moviepeople.IntegrationTest;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Stills of portfolio items: the gallery, the limit of 10, the owner only, files gone with the still or the item. */
class StillsIntegrationTests extends IntegrationTest {

    @Autowired
    MediaStorage storage;

    private long item(CurrentMember m) {
        return jdbc.queryForObject("insert into portfolio_item (owner_id, title) values (?, 'Ferry film') returning id", Long.class, m.id());
    }

    private MvcResult upload(CurrentMember m, long item, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/portfolio/" + item + "/stills").file(new MockMultipartFile("image", "frame.png", "image/png", bytes))
                .with(user(m)).with(csrf())).andReturn();
    }

    private List<String> pictures(long item) {
        return jdbc.queryForList("select picture_id from portfolio_still where item_id = ? order by id", String.class, item);
    }

    private boolean stored(String key) throws Exception {
        var file = storage.get(key);
        file.ifPresent(f -> {
            try {
                f.content().close();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return file.isPresent();
    }

    @Test
    void upToTenStillsShowAsAGalleryAndTheEleventhIsRefused() throws Exception {
        CurrentMember maya = newMember("maya");
        long item = item(maya);
        for (int i = 0; i < 10; i++) {
            assertThat(upload(maya, item, TestPictures.png(640, 360)).getResponse().getStatus()).isEqualTo(302);
        }
        MvcResult eleventh = upload(maya, item, TestPictures.png(640, 360));
        assertThat(eleventh.getResponse().getStatus()).isEqualTo(400);
        assertThat(eleventh.getResponse().getContentAsString()).contains("already has 10 stills").contains("id=\"still-error\"");
        assertThat(pictures(item)).hasSize(10);
        assertThat(jdbc.queryForObject("select count(*) from media_object where owner_id = ?", Long.class, maya.id())).isEqualTo(20);

        String profile = mvc.perform(get("/people/" + maya.username()).with(user(newMember("viewer"))))
                .andReturn().getResponse().getContentAsString();
        String first = pictures(item).get(0);
        assertThat(profile).contains("data-gallery").contains("href=\"" + Picture.url(first, "1600") + "\"")
                .contains("src=\"" + Picture.url(first, "320") + "\"").contains("Ferry film, still 1 of 10");

        // A hostile file next to the field, nothing stored.
        jdbc.update("delete from portfolio_still where item_id = ? and id = (select max(id) from portfolio_still where item_id = ?)", item, item);
        MvcResult hostile = upload(maya, item, TestPictures.polyglot());
        assertThat(hostile.getResponse().getStatus()).isEqualTo(400);
        assertThat(hostile.getResponse().getContentAsString()).contains("web page or script");
        assertThat(pictures(item)).hasSize(9);
    }

    @Test
    void onlyTheOwnerAddsOrRemovesStillsAndTheirFilesGoWithThemOrWithTheItem() throws Exception {
        CurrentMember maya = newMember("maya");
        CurrentMember ben = newMember("ben");
        long item = item(maya);
        upload(maya, item, TestPictures.jpeg(800, 450));
        upload(maya, item, TestPictures.jpeg(800, 450));
        List<String> stills = pictures(item);
        long stillId = jdbc.queryForObject("select min(id) from portfolio_still where item_id = ?", Long.class, item);

        // Ben: "not yours" for adding and removing, nothing changes.
        assertThat(upload(ben, item, TestPictures.jpeg(800, 450)).getResponse().getStatus()).isEqualTo(404);
        mvc.perform(post("/portfolio/" + item + "/stills/" + stillId + "/delete").with(user(ben)).with(csrf()))
                .andExpect(status().isNotFound());
        long bensItem = item(ben);
        mvc.perform(post("/portfolio/" + bensItem + "/stills/" + stillId + "/delete").with(user(ben)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(pictures(item)).isEqualTo(stills);
        assertThat(jdbc.queryForObject("select count(*) from media_object where owner_id = ?", Long.class, ben.id())).isZero();

        // Maya removes one: its files go.
        mvc.perform(post("/portfolio/" + item + "/stills/" + stillId + "/delete").with(user(maya)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(stored(stills.get(0) + "-1600.jpg")).isFalse();
        assertThat(stored(stills.get(1) + "-1600.jpg")).isTrue();
        // The edit page lists what is left.
        assertThat(mvc.perform(get("/portfolio/" + item + "/edit").with(user(maya))).andReturn().getResponse().getContentAsString())
                .contains("1 of 10").contains(Picture.url(stills.get(1), "320"));
        // Deleting the item deletes the rest.
        mvc.perform(post("/portfolio/" + item + "/delete").with(user(maya)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(stored(stills.get(1) + "-1600.jpg")).isFalse();
        assertThat(stored(stills.get(1) + "-320.jpg")).isFalse();
        assertThat(jdbc.queryForObject("select count(*) from media_object where owner_id = ?", Long.class, maya.id())).isZero();
    }
}
