package com.moviepeople.portfolio;

import com.moviepeople.IntegrationTest;
import com.moviepeople.media.TestPictures;
import com.moviepeople.shared.CurrentMember;
import com.moviepeople.shared.KeysetCursor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The profile's first page of items is kept in memory ({@link PortfolioCache}): read once, then no
 * statement, and every change made through this instance shows on the very next view.
 */
class PortfolioCacheIntegrationTests extends IntegrationTest {

    private static final String BIG_BUCK_BUNNY = "https://www.youtube.com/watch?v=aqz-KE-bpKQ";

    @Autowired
    PortfolioService portfolio;

    private long add(CurrentMember owner, String title) {
        return portfolio.add(owner.id(), new PortfolioItemForm(title, "About it", BIG_BUCK_BUNNY, 2020, "Editor")).id();
    }

    /** Statements that reading the first page of {@code limit} items runs on this thread. */
    private long statementsForFirstPage(CurrentMember owner, int limit) {
        queries.reset();
        portfolio.itemsOf(owner.id(), KeysetCursor.START, limit);
        return queries.count();
    }

    private String profile(CurrentMember owner, CurrentMember viewer) throws Exception {
        return mvc.perform(get("/people/" + owner.username()).with(user(viewer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void theFirstPageIsReadOnceThenComesFromMemoryAndLaterPagesAlwaysFromTheDatabase() {
        CurrentMember owner = newMember("cachedwork");
        for (int i = 1; i <= 3; i++) {
            add(owner, "Work " + i);
        }
        assertThat(statementsForFirstPage(owner, 2)).isEqualTo(1);
        assertThat(statementsForFirstPage(owner, 2)).isZero();
        PortfolioService.ItemsPage first = portfolio.itemsOf(owner.id(), KeysetCursor.START, 2);
        assertThat(first.items()).extracting(PortfolioItemView::title).containsExactly("Work 3", "Work 2");
        assertThat(first.nextCursor()).isNotNull();
        // Another page size is another read (and the size asked for is what comes back).
        assertThat(statementsForFirstPage(owner, 3)).isEqualTo(1);
        assertThat(portfolio.itemsOf(owner.id(), KeysetCursor.START, 3).items()).hasSize(3);
        queries.reset();
        PortfolioService.ItemsPage second = portfolio.itemsOf(owner.id(), KeysetCursor.decodeOrStart(first.nextCursor()), 2);
        assertThat(queries.count()).isEqualTo(1);
        assertThat(second.items()).extracting(PortfolioItemView::title).containsExactly("Work 1");
        // The cached list cannot be changed by whoever holds it.
        org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> first.items().clear());
    }

    @Test
    void addingEditingAndDeletingAnItemShowOnTheNextViewOfACachedProfile() throws Exception {
        CurrentMember owner = newMember("editwork");
        CurrentMember viewer = newMember("viewer");
        long kept = add(owner, "Harbour Lights");
        assertThat(profile(owner, viewer)).contains("Harbour Lights");

        mvc.perform(post("/portfolio").with(csrf()).with(user(owner)).param("title", "Night Ferry").param("description", "")
                .param("mediaUrl", "").param("year", "2021").param("creditRole", "Editor")).andExpect(status().is3xxRedirection());
        assertThat(profile(owner, viewer)).contains("Night Ferry").contains("Harbour Lights");

        mvc.perform(post("/portfolio/" + kept).with(csrf()).with(user(owner)).param("title", "Harbour Lights, recut")
                .param("description", "").param("mediaUrl", "").param("year", "2021").param("creditRole", "Editor"))
                .andExpect(status().is3xxRedirection());
        assertThat(profile(owner, viewer)).contains("Harbour Lights, recut");

        mvc.perform(post("/portfolio/" + kept + "/delete").with(csrf()).with(user(owner))).andExpect(status().is3xxRedirection());
        assertThat(profile(owner, viewer)).doesNotContain("Harbour Lights").contains("Night Ferry");
    }

    @Test
    void addingAndRemovingAStillShowOnTheNextViewOfACachedProfile() throws Exception {
        CurrentMember owner = newMember("stillwork");
        CurrentMember viewer = newMember("viewer");
        long item = add(owner, "Lighthouse");
        assertThat(portfolio.itemsOf(owner.id(), KeysetCursor.START, 12).items().get(0).stills()).isEmpty();
        profile(owner, viewer);

        mvc.perform(multipart("/portfolio/" + item + "/stills")
                        .file(new MockMultipartFile("image", "frame.png", "image/png", TestPictures.png(640, 360)))
                        .with(user(owner)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        var stills = portfolio.itemsOf(owner.id(), KeysetCursor.START, 12).items().get(0).stills();
        assertThat(stills).hasSize(1);
        assertThat(profile(owner, viewer)).contains("data-still-id=\"" + stills.get(0).id() + "\"");

        mvc.perform(post("/portfolio/" + item + "/stills/" + stills.get(0).id() + "/delete").with(user(owner)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(portfolio.itemsOf(owner.id(), KeysetCursor.START, 12).items().get(0).stills()).isEmpty();
        assertThat(profile(owner, viewer)).doesNotContain("data-still-id=\"" + stills.get(0).id() + "\"");
    }

    @Test
    void deletingTheCreditAnItemProvesUnlinksItOnTheNextRead() throws Exception {
        CurrentMember owner = newMember("creditwork");
        long production = jdbc.queryForObject("insert into production (title, year, kind) values (?, 2019, 'short') returning id",
                Long.class, "Linked " + owner.username());
        long credit = jdbc.queryForObject("""
                insert into credit (production_id, member_id, role, department) values (?, ?, 'Film Editor', 'Editorial')
                returning id""", Long.class, production, owner.id());
        portfolio.add(owner.id(), new PortfolioItemForm("Proof", "", "", 2019, "Editor", credit));
        assertThat(portfolio.itemsOf(owner.id(), KeysetCursor.START, 12).items().get(0).creditId()).isEqualTo(credit);

        mvc.perform(post("/credits/" + credit + "/delete").with(csrf()).with(user(owner))).andExpect(status().is3xxRedirection());
        assertThat(portfolio.itemsOf(owner.id(), KeysetCursor.START, 12).items().get(0).creditId()).isNull();
    }
}
