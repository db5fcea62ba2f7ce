package com.moviepeople.portfolio;

import com.moviepeople.IntegrationTest;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RecordApplicationEvents
class PortfolioIntegrationTests extends IntegrationTest {

    private static final String BIG_BUCK_BUNNY = "https://www.youtube.com/watch?v=aqz-KE-bpKQ";

    @Autowired
    ApplicationEvents events;

    @Autowired
    PortfolioService portfolio;

    private static MockHttpServletRequestBuilder item(String path, String title, String description, String mediaUrl,
                                                      String year, String creditRole) {
        return post(path).with(csrf()).param("title", title).param("description", description)
                .param("mediaUrl", mediaUrl).param("year", year).param("creditRole", creditRole);
    }

    private long itemOf(CurrentMember owner, String title) {
        return portfolio.add(owner.id(), new PortfolioItemForm(title, "Original description", BIG_BUCK_BUNNY, 2008, "Editor")).id();
    }

    private Map<String, Object> row(long id) {
        return jdbc.queryForMap("select owner_id, title, description, media_url, media_kind, year, credit_role from portfolio_item where id = ?", id);
    }

    private int itemsOf(CurrentMember owner) {
        return jdbc.queryForObject("select count(*) from portfolio_item where owner_id = ?", Integer.class, owner.id());
    }

    @Test
    void showsTheNewItemForm() throws Exception {
        mvc.perform(get("/portfolio/new").with(user(newMember("form"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"title\"")))
                .andExpect(content().string(containsString("name=\"mediaUrl\"")))
                .andExpect(content().string(containsString("name=\"year\"")))
                .andExpect(content().string(containsString("name=\"creditRole\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
    }

    @Test
    void createsAnItemAndRedirectsToTheProfile() throws Exception {
        CurrentMember me = newMember("create");
        mvc.perform(item("/portfolio", "Big Buck Bunny", "Edited the chase.", BIG_BUCK_BUNNY, "2008", "Editor").with(user(me)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/people/" + me.username()))
                .andExpect(flash().attribute("success", containsString("Big Buck Bunny")));
        Map<String, Object> row = jdbc.queryForMap("select * from portfolio_item where owner_id = ?", me.id());
        assertThat(row).containsEntry("title", "Big Buck Bunny").containsEntry("description", "Edited the chase.")
                .containsEntry("media_url", BIG_BUCK_BUNNY).containsEntry("media_kind", "YOUTUBE")
                .containsEntry("year", 2008).containsEntry("credit_role", "Editor");
        mvc.perform(get("/people/" + me.username()))
                .andExpect(content().string(containsString("src=\"https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ\"")))
                .andExpect(content().string(containsString("allowfullscreen")))
                .andExpect(content().string(containsString("loading=\"lazy\"")))
                .andExpect(content().string(containsString("title=\"Big Buck Bunny — YouTube video\"")));
    }

    @Test
    void onlyTheTitleIsRequired() throws Exception {
        CurrentMember me = newMember("minimal");
        mvc.perform(item("/portfolio", "Untitled short", "", "", "", "").with(user(me)))
                .andExpect(redirectedUrl("/people/" + me.username()));
        assertThat(jdbc.queryForMap("select description, media_url, media_kind, year, credit_role from portfolio_item where owner_id = ?", me.id()))
                .containsEntry("description", null).containsEntry("media_url", null).containsEntry("media_kind", null)
                .containsEntry("year", null).containsEntry("credit_role", null);
    }

    @Test
    void dropsControlCharactersInsteadOfFailing() throws Exception {
        CurrentMember me = newMember("nul");
        mvc.perform(item("/portfolio", "Ti\u0000tle", "Desc\u0000ription\r\nmore", "", "", "Edi\u0000tor").with(user(me)))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForMap("select title, description, credit_role from portfolio_item where owner_id = ?", me.id()))
                .containsEntry("title", "Ti tle").containsEntry("description", "Description\nmore").containsEntry("credit_role", "Edi tor");
        mvc.perform(item("/portfolio", "Film", "", "https://example.com/\u0000", "", "").with(user(me)))
                .andExpect(model().attributeHasFieldErrors("form", "mediaUrl"));
    }

    @Test
    void publishesPortfolioItemAddedOncePerItem() throws Exception {
        CurrentMember me = newMember("event");
        mvc.perform(item("/portfolio", "First", "", BIG_BUCK_BUNNY, "", "").with(user(me))).andExpect(status().isFound());
        mvc.perform(item("/portfolio", "Second", "", "", "", "").with(user(me))).andExpect(status().isFound());
        mvc.perform(item("/portfolio", "", "", "", "", "").with(user(me))).andExpect(status().isOk());
        List<PortfolioItemAdded> added = events.stream(PortfolioItemAdded.class).toList();
        List<Long> ids = jdbc.queryForList("select id from portfolio_item where owner_id = ? order by id", Long.class, me.id());
        assertThat(added).hasSize(2).extracting(PortfolioItemAdded::itemId).containsExactlyElementsOf(ids);
        assertThat(added).extracting(PortfolioItemAdded::ownerId).containsOnly(me.id());
        assertThat(added.get(0).title()).isEqualTo("First");
        assertThat(added.get(0).mediaUrl()).isEqualTo(BIG_BUCK_BUNNY);
        assertThat(added.get(0).createdAt()).isEqualTo(
                jdbc.queryForObject("select created_at from portfolio_item where id = ?", java.sql.Timestamp.class, ids.get(0)).toInstant());
        assertThat(added.get(1).mediaUrl()).isNull();
    }

    @Test
    void updatingAndDeletingPublishTheirOwnEventsButNoNewAdded() throws Exception {
        CurrentMember me = newMember("events2");
        long id = itemOf(me, "Reel");
        events.clear();
        mvc.perform(item("/portfolio/" + id, "Reel 2", "", "", "2020", "").with(user(me))).andExpect(status().isFound());
        mvc.perform(post("/portfolio/" + id + "/delete").with(csrf()).with(user(me))).andExpect(status().isFound());
        assertThat(events.stream(PortfolioItemAdded.class)).isEmpty();
        assertThat(events.stream(PortfolioItemUpdated.class)).containsExactly(new PortfolioItemUpdated(id, me.id(), "Reel 2", null));
        assertThat(events.stream(PortfolioItemRemoved.class)).containsExactly(new PortfolioItemRemoved(id, me.id()));
    }

    @Test
    void rejectsMissingAndOverlongFieldsKeepingTheRest() throws Exception {
        CurrentMember me = newMember("invalid");
        mvc.perform(item("/portfolio", "  ", "Kept description", BIG_BUCK_BUNNY, "2001", "Kept role").with(user(me)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "title"))
                .andExpect(content().string(containsString("Give the project a title")))
                .andExpect(content().string(containsString("is-invalid")))
                .andExpect(content().string(containsString("Kept description")))
                .andExpect(content().string(containsString("value=\"" + BIG_BUCK_BUNNY + "\"")))
                .andExpect(content().string(containsString("value=\"2001\"")))
                .andExpect(content().string(containsString("value=\"Kept role\"")));
        mvc.perform(item("/portfolio", "T".repeat(121), "", "", "", "").with(user(me)))
                .andExpect(model().attributeHasFieldErrors("form", "title"))
                .andExpect(content().string(containsString("at most 120")));
        mvc.perform(item("/portfolio", "Fine", "D".repeat(2001), "", "", "").with(user(me)))
                .andExpect(model().attributeHasFieldErrors("form", "description"))
                .andExpect(content().string(containsString("at most 2000")));
        mvc.perform(item("/portfolio", "Fine", "", "", "", "R".repeat(81)).with(user(me)))
                .andExpect(model().attributeHasFieldErrors("form", "creditRole"))
                .andExpect(content().string(containsString("at most 80")));
        assertThat(itemsOf(me)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1887", "2101", "-5", "0"})
    void rejectsYearsOutOfRange(String year) throws Exception {
        CurrentMember me = newMember("year");
        mvc.perform(item("/portfolio", "Film", "", "", year, "").with(user(me)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "year"))
                .andExpect(content().string(containsString("between 1888 and 2100")));
        assertThat(itemsOf(me)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nineteen", "2008.5", "99999999999", "20o8", "<script>"})
    void rejectsYearsThatAreNotNumbersWithAFieldErrorNotA500(String year) throws Exception {
        CurrentMember me = newMember("yeartext");
        mvc.perform(item("/portfolio", "Kept title", "", "", year, "").with(user(me)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "year"))
                .andExpect(content().string(containsString("Enter the year as four digits")))
                .andExpect(content().string(containsString("value=\"Kept title\"")))
                .andExpect(content().string(not(containsString("NumberFormatException"))))
                .andExpect(content().string(not(containsString("<script>"))));
        assertThat(itemsOf(me)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "ftp://example.com/reel.mov",
            "https://www.youtube.com.evil.example/watch?v=aqz-KE-bpKQ", "https://example.com/\"><script>alert(1)</script>",
            "https://www.youtube.com/watch?v=nope"})
    void rejectsUnsafeOrBrokenMediaUrls(String url) throws Exception {
        CurrentMember me = newMember("media");
        mvc.perform(item("/portfolio", "Film", "", url, "", "").with(user(me)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "mediaUrl"))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
        assertThat(itemsOf(me)).isZero();
    }

    @Test
    void rejectsVeryLongMediaUrls() throws Exception {
        CurrentMember me = newMember("longurl");
        mvc.perform(item("/portfolio", "Film", "", "https://example.com/" + "a".repeat(2000), "", "").with(user(me)))
                .andExpect(model().attributeHasFieldErrors("form", "mediaUrl"))
                .andExpect(content().string(containsString("at most 2000")));
        assertThat(itemsOf(me)).isZero();
    }

    @Test
    void showsImagesAndLinksSafely() throws Exception {
        CurrentMember me = newMember("kinds");
        portfolio.add(me.id(), new PortfolioItemForm("Still", "", "https://example.com/still.jpg", null, ""));
        portfolio.add(me.id(), new PortfolioItemForm("IMDb", "", "https://www.imdb.com/title/tt1727587/", null, ""));
        portfolio.add(me.id(), new PortfolioItemForm("Tears of Steel", "", "https://vimeo.com/61812756", null, ""));
        mvc.perform(get("/people/" + me.username()))
                // An image address is a link, never hot-linked (issue 21).
                .andExpect(content().string(not(containsString("src=\"https://example.com/still.jpg\""))))
                .andExpect(content().string(containsString("href=\"https://example.com/still.jpg\" rel=\"noopener noreferrer nofollow\"")))
                .andExpect(content().string(containsString("href=\"https://www.imdb.com/title/tt1727587/\" rel=\"noopener noreferrer nofollow\"")))
                .andExpect(content().string(containsString("src=\"https://player.vimeo.com/video/61812756\"")));
    }

    @Test
    void editsOwnItem() throws Exception {
        CurrentMember me = newMember("edit");
        long id = itemOf(me, "Old title");
        mvc.perform(get("/portfolio/" + id + "/edit").with(user(me)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Old title\"")))
                .andExpect(content().string(containsString("action=\"/portfolio/" + id + "\"")));
        mvc.perform(item("/portfolio/" + id, "New title", "New description", "https://vimeo.com/61812756", "2012", "Colorist").with(user(me)))
                .andExpect(redirectedUrl("/people/" + me.username()));
        assertThat(row(id)).containsEntry("title", "New title").containsEntry("media_kind", "VIMEO")
                .containsEntry("year", 2012).containsEntry("credit_role", "Colorist");
    }

    @Test
    void invalidEditChangesNothing() throws Exception {
        CurrentMember me = newMember("badedit");
        long id = itemOf(me, "Keep me");
        Map<String, Object> before = row(id);
        mvc.perform(item("/portfolio/" + id, "Changed", "", "javascript:alert(1)", "2012", "").with(user(me)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "mediaUrl"))
                .andExpect(content().string(containsString("action=\"/portfolio/" + id + "\"")));
        assertThat(row(id)).isEqualTo(before);
    }

    @Test
    void anotherMembersItemIsNotFoundOnEveryEndpointAndNothingChanges() throws Exception {
        CurrentMember owner = newMember("owner");
        CurrentMember intruder = newMember("intruder");
        long id = itemOf(owner, "Mine");
        Map<String, Object> before = row(id);
        events.clear();

        mvc.perform(get("/portfolio/" + id + "/edit").with(user(intruder))).andExpect(status().isNotFound());
        mvc.perform(item("/portfolio/" + id, "Hijacked", "", "", "", "").with(user(intruder))).andExpect(status().isNotFound());
        mvc.perform(item("/portfolio/" + id, "", "", "javascript:x", "", "").with(user(intruder))).andExpect(status().isNotFound());
        mvc.perform(post("/portfolio/" + id + "/delete").with(csrf()).with(user(intruder))).andExpect(status().isNotFound());

        assertThat(row(id)).isEqualTo(before);
        assertThat(events.stream(PortfolioItemUpdated.class)).isEmpty();
        assertThat(events.stream(PortfolioItemRemoved.class)).isEmpty();
    }

    @Test
    void missingItemsAreNotFound() throws Exception {
        CurrentMember me = newMember("missing");
        mvc.perform(get("/portfolio/987654321/edit").with(user(me))).andExpect(status().isNotFound());
        mvc.perform(item("/portfolio/987654321", "X", "", "", "", "").with(user(me))).andExpect(status().isNotFound());
        mvc.perform(post("/portfolio/987654321/delete").with(csrf()).with(user(me))).andExpect(status().isNotFound());
        mvc.perform(get("/portfolio/not-a-number/edit").with(user(me))).andExpect(status().is4xxClientError());
    }

    @Test
    void anonymousVisitorsAreSentToLoginOnEveryEndpoint() throws Exception {
        CurrentMember owner = newMember("anonowner");
        long id = itemOf(owner, "Mine");
        Map<String, Object> before = row(id);
        int count = itemsOf(owner);

        mvc.perform(get("/portfolio/new")).andExpect(redirectedUrl("/login"));
        mvc.perform(item("/portfolio", "Anon", "", "", "", "")).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/portfolio/" + id + "/edit")).andExpect(redirectedUrl("/login"));
        mvc.perform(item("/portfolio/" + id, "Hijacked", "", "", "", "")).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/portfolio/" + id + "/delete").with(csrf())).andExpect(redirectedUrl("/login"));

        assertThat(row(id)).isEqualTo(before);
        assertThat(itemsOf(owner)).isEqualTo(count);
    }

    @Test
    void postsWithoutCsrfTokenAreForbiddenAndChangeNothing() throws Exception {
        CurrentMember me = newMember("csrf");
        long id = itemOf(me, "Mine");
        Map<String, Object> before = row(id);
        mvc.perform(post("/portfolio").param("title", "No token").with(user(me))).andExpect(status().isForbidden());
        mvc.perform(post("/portfolio/" + id).param("title", "No token").with(user(me))).andExpect(status().isForbidden());
        mvc.perform(post("/portfolio/" + id + "/delete").with(user(me))).andExpect(status().isForbidden());
        assertThat(row(id)).isEqualTo(before);
        assertThat(itemsOf(me)).isOne();
    }

    @Test
    void deletesOwnItem() throws Exception {
        CurrentMember me = newMember("delete");
        long id = itemOf(me, "Gone soon");
        mvc.perform(post("/portfolio/" + id + "/delete").with(csrf()).with(user(me)))
                .andExpect(redirectedUrl("/people/" + me.username()))
                .andExpect(flash().attributeExists("success"));
        assertThat(itemsOf(me)).isZero();
    }

    /** {@code count} items straight into the table (a member with a large portfolio), created a second apart. */
    private void manyItems(CurrentMember owner, int count) {
        jdbc.update("""
                insert into portfolio_item (owner_id, title, created_at)
                select ?, 'Work ' || n, now() - (n || ' seconds')::interval from generate_series(1, ?) n""", owner.id(), count);
    }

    @Test
    void theProfileShowsTwelveItemsAndPagesThroughTheRestWithMoreWork() throws Exception {
        CurrentMember owner = newMember("prolific");
        manyItems(owner, 30);
        String first = mvc.perform(get("/people/" + owner.username())).andReturn().getResponse().getContentAsString();
        assertThat(first.split("data-portfolio-item=", -1)).hasSize(13);
        assertThat(first).contains(">Work 1<").contains(">Work 12<").doesNotContain(">Work 13<")
                .doesNotContain("data-action=\"latest-work\"");
        java.util.regex.Matcher more = java.util.regex.Pattern.compile("href=\"/people/[^\"?]+\\?before=([^\"#]+)#portfolio\" data-action=\"more-work\"|data-action=\"more-work\"\\s+href=\"/people/[^\"?]+\\?before=([^\"#]+)#portfolio\"").matcher(first);
        assertThat(more.find()).as("a More work link").isTrue();
        String cursor = more.group(1) != null ? more.group(1) : more.group(2);
        String second = mvc.perform(get("/people/" + owner.username()).param("before", cursor)).andReturn().getResponse().getContentAsString();
        assertThat(second).contains(">Work 13<").contains(">Work 24<").doesNotContain(">Work 12<").doesNotContain(">Work 25<")
                .contains("data-action=\"latest-work\"").contains("data-action=\"more-work\"");
        // A malformed cursor is the first page, not an error.
        mvc.perform(get("/people/" + owner.username()).param("before", "%%%garbage")).andExpect(status().isOk());
    }

    @Test
    void aFullPortfolioRefusesAnotherItemWithAMessageAndStoresNothing() throws Exception {
        CurrentMember me = newMember("full");
        manyItems(me, PortfolioService.MAX_ITEMS);
        mvc.perform(item("/portfolio", "One too many", "", "", "2024", "Editor").with(user(me)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("the most it can hold")))
                .andExpect(content().string(containsString("One too many")));
        assertThat(itemsOf(me)).isEqualTo(PortfolioService.MAX_ITEMS);
    }

    @Test
    void listsItemsNewestFirst() throws Exception {
        CurrentMember me = newMember("order");
        long first = itemOf(me, "Oldest");
        long second = itemOf(me, "Middle");
        long third = itemOf(me, "Newest");
        assertThat(portfolio.itemsOf(me.id(), com.moviepeople.shared.KeysetCursor.START, 10).items())
                .extracting(PortfolioItemView::id).containsExactly(third, second, first);
        String page = mvc.perform(get("/people/" + me.username())).andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf("id=\"item-" + third + "\"")).isPositive()
                .isLessThan(page.indexOf("id=\"item-" + second + "\""));
        assertThat(page.indexOf("id=\"item-" + second + "\"")).isLessThan(page.indexOf("id=\"item-" + first + "\""));
    }

    @Test
    void itemsGoWithTheirOwnersAccount() {
        CurrentMember me = newMember("cascade");
        long id = itemOf(me, "Mine");
        jdbc.update("delete from member where id = ?", me.id());
        assertThat(jdbc.queryForObject("select count(*) from portfolio_item where id = ?", Integer.class, id)).isZero();
    }
}
