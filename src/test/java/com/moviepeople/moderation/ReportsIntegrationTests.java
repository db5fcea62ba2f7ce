package com.moviepeople.moderation;

import com.moviepeople.IntegrationTest;
import com.moviepeople.connections.Connections;
import com.moviepeople.feed.Feed;
import com.moviepeople.messaging.Messaging;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Reporting members, posts, comments and messages: only what the reporter can see, once, with a reason. */
class ReportsIntegrationTests extends IntegrationTest {

    static final String REASON = "This is spam, selling fake festival passes.";

    @Autowired
    Connections connections;

    @Autowired
    Feed feed;

    @Autowired
    Messaging messaging;

    /** Anna (the reporter) and Ben are connected; Ben wrote a post, a comment on it and a message to Anna. */
    record World(CurrentMember anna, CurrentMember ben, CurrentMember stranger, long post, long comment, long message,
                 long strangerPost, long strangerComment, long strangerMessage) {

        long id(String type) {
            return switch (type) {
                case "member" -> ben.id();
                case "post" -> post;
                case "comment" -> comment;
                default -> message;
            };
        }

        /** The same kind of thing, but one Anna cannot see. */
        long hiddenId(String type) {
            return switch (type) {
                case "member" -> Long.MAX_VALUE / 2;
                case "post" -> strangerPost;
                case "comment" -> strangerComment;
                default -> strangerMessage;
            };
        }
    }

    private World world() {
        var anna = newMember("anna");
        var ben = newMember("ben");
        var stranger = newMember("stranger");
        var other = newMember("other");
        connections.accept(ben.id(), connections.request(anna.id(), ben.id()).state().connectionId());
        connections.accept(other.id(), connections.request(stranger.id(), other.id()).state().connectionId());
        long post = feed.publish(ben.id(), "Cheap festival passes, DM me");
        long comment = feed.comment(ben.id(), post, "Still available!");
        long message = messaging.send(ben.id(), anna.id(), "Buy my passes");
        long strangerPost = feed.publish(stranger.id(), "Not for Anna's eyes");
        long strangerComment = feed.comment(other.id(), strangerPost, "Nor this");
        long strangerMessage = messaging.send(stranger.id(), other.id(), "Private");
        return new World(anna, ben, stranger, post, comment, message, strangerPost, strangerComment, strangerMessage);
    }

    private ResultActions report(CurrentMember as, String type, Object id, String reason) throws Exception {
        return mvc.perform(post("/reports").with(user(as)).with(csrf())
                .param("targetType", type).param("targetId", String.valueOf(id)).param("reason", reason).param("category", "spam"));
    }

    private List<Map<String, Object>> reports() {
        return jdbc.queryForList("select * from report order by id");
    }

    private List<Map<String, Object>> reportsBy(CurrentMember reporter) {
        return jdbc.queryForList("select * from report where reporter_id = ? order by id", reporter.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"member", "post", "comment", "message"})
    void storesAnOpenReportOfWhatTheReporterCanSee(String type) throws Exception {
        World w = world();
        report(w.anna(), type, w.id(type), REASON)
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("success"));

        List<Map<String, Object>> rows = reportsBy(w.anna());
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.get(0);
        assertThat(row.get("target_type")).isEqualTo(type.toUpperCase());
        assertThat(row.get("target_id")).isEqualTo(w.id(type));
        assertThat(row.get("target_member_id")).isEqualTo(w.ben().id());
        assertThat(row.get("status")).isEqualTo("OPEN");
        assertThat(row.get("category")).isEqualTo("SPAM");
        assertThat(row.get("reason")).isEqualTo(REASON);
        assertThat((String) row.get("excerpt")).isNotBlank();
        assertThat(row.get("handled_at")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"member", "post", "comment", "message"})
    void whatTheReporterCannotSeeIsNotFoundAndNothingIsStored(String type) throws Exception {
        World w = world();
        List<Map<String, Object>> before = reports();
        report(w.anna(), type, w.hiddenId(type), REASON).andExpect(status().isNotFound());
        // Even with an invalid reason: the answer does not tell that the thing exists.
        report(w.anna(), type, w.hiddenId(type), "short").andExpect(status().isNotFound());
        mvc.perform(get("/reports/new").param("targetType", type).param("targetId", String.valueOf(w.hiddenId(type))).with(user(w.anna())))
                .andExpect(status().isNotFound());
        assertThat(reports()).isEqualTo(before);
    }

    @Test
    void aMemberReportsOnlyMessagesTheyReceived() throws Exception {
        World w = world();
        long mine = messaging.send(w.anna().id(), w.ben().id(), "My own words");
        report(w.anna(), "message", mine, REASON).andExpect(status().isNotFound());
        assertThat(reportsBy(w.anna())).isEmpty();
    }

    @Test
    void reportingYourselfOrYourOwnPostStoresNothing() throws Exception {
        World w = world();
        report(w.ben(), "member", w.ben().id(), REASON).andExpect(flash().attributeExists("error"));
        report(w.ben(), "post", w.post(), REASON).andExpect(flash().attributeExists("error"));
        assertThat(reportsBy(w.ben())).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "too short", "x"})
    void aReasonOfFewerThanTenCharactersReRendersTheForm(String reason) throws Exception {
        World w = world();
        report(w.anna(), "post", w.post(), reason)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("at least 10 characters")));
        assertThat(reportsBy(w.anna())).isEmpty();
    }

    @Test
    void aReasonOverAThousandCharactersIsRefusedAndTheTextKept() throws Exception {
        World w = world();
        String reason = "Too long. ".repeat(101);
        report(w.anna(), "post", w.post(), reason)
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Too long. Too long.")))
                .andExpect(content().string(containsString("1,000 characters")));
        assertThat(reportsBy(w.anna())).isEmpty();
    }

    @Test
    void anUnknownCategoryIsAFormErrorAndNoCategoryIsFine() throws Exception {
        World w = world();
        mvc.perform(post("/reports").with(user(w.anna())).with(csrf()).param("targetType", "post")
                        .param("targetId", String.valueOf(w.post())).param("reason", REASON).param("category", "ROOT"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/reports").with(user(w.anna())).with(csrf()).param("targetType", "post")
                        .param("targetId", String.valueOf(w.post())).param("reason", REASON))
                .andExpect(redirectedUrl("/posts/" + w.post()));
        assertThat(reportsBy(w.anna())).singleElement().satisfies(r -> assertThat(r.get("category")).isNull());
    }

    @Test
    void reportingTheSameThingTwiceStoresOneReport() throws Exception {
        World w = world();
        report(w.anna(), "comment", w.comment(), REASON).andExpect(redirectedUrl("/posts/" + w.post() + "#comment-" + w.comment()));
        report(w.anna(), "comment", w.comment(), REASON + " Again.").andExpect(flash().attributeExists("success"));
        assertThat(reportsBy(w.anna())).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "0", "99999999999999999999", "1e3", " "})
    void malformedTargetIdsAreNotFound(String id) throws Exception {
        World w = world();
        report(w.anna(), "post", id, REASON).andExpect(status().isNotFound());
        report(w.anna(), "planet", w.post(), REASON).andExpect(status().isNotFound());
        assertThat(reportsBy(w.anna())).isEmpty();
    }

    @Test
    void theReportFormsAreOnProfilesPostsCommentsAndMessages() throws Exception {
        World w = world();
        mvc.perform(get("/people/" + w.ben().username()).with(user(w.anna())))
                .andExpect(content().string(containsString("data-report=\"member\"")));
        mvc.perform(get("/posts/" + w.post()).with(user(w.anna())))
                .andExpect(content().string(containsString("data-report=\"post\"")))
                .andExpect(content().string(containsString("data-report=\"comment\"")));
        mvc.perform(get("/messages/" + w.ben().username()).with(user(w.anna())))
                .andExpect(content().string(containsString("data-report=\"message\"")));
        // Not on one's own things.
        mvc.perform(get("/posts/" + w.post()).with(user(w.ben())))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("data-report="))));
    }

    @Test
    void theStandaloneFormShowsForVisibleThings() throws Exception {
        World w = world();
        mvc.perform(get("/reports/new").param("targetType", "post").param("targetId", String.valueOf(w.post())).with(user(w.anna())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-form=\"report\"")))
                // What is reported, and the way back to it.
                .andExpect(content().string(containsString("You are reporting this post:")))
                .andExpect(content().string(containsString("Cheap festival passes, DM me")))
                .andExpect(content().string(containsString("href=\"/posts/" + w.post() + "\" data-report-cancel")));
    }

    @Test
    void postsCommentsAndMessagesLinkToTheFullFormInsteadOfCarryingOne() throws Exception {
        World w = world();
        String post = mvc.perform(get("/posts/" + w.post()).with(user(w.anna()))).andReturn().getResponse().getContentAsString();
        assertThat(post).contains("href=\"/reports/new?targetType=post&amp;targetId=" + w.post() + "\"")
                .contains("href=\"/reports/new?targetType=comment&amp;targetId=" + w.comment() + "\"")
                .doesNotContain("name=\"targetType\"");
        String feed = mvc.perform(get("/feed").with(user(w.anna()))).andReturn().getResponse().getContentAsString();
        assertThat(feed).contains("href=\"/reports/new?targetType=post&amp;targetId=" + w.post() + "\"")
                .doesNotContain("name=\"targetType\"");
    }

    @Test
    void reportsSurviveTheDeletionOfWhatWasReported() throws Exception {
        World w = world();
        report(w.anna(), "post", w.post(), REASON);
        jdbc.update("delete from post where id = ?", w.post());
        assertThat(reportsBy(w.anna())).singleElement()
                .satisfies(r -> assertThat(r.get("excerpt")).isEqualTo("Cheap festival passes, DM me"));
    }
}
