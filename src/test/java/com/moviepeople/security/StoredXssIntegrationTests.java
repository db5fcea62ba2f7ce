package com.moviepeople.security;

import com.moviepeople.portfolio.PortfolioItemForm;
import com.moviepeople.profiles.ProfileForm;
import com.moviepeople.profiles.ProfileService;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Stored XSS: a script payload in every text field a member writes (sign-up name, profile,
 * portfolio, post, comment, message, report reason), then every page that shows them: the payload
 * appears only as text, never as markup.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoredXssIntegrationTests extends AttackTest {

    /** Breaks out of text, of double- and single-quoted attributes, and of a textarea. */
    static final String PAYLOAD = "</textarea><script>xss()</script><img src=x onerror=xss()>\"'><svg onload=xss()>";
    static final String SHORT_PAYLOAD = "<script>xss()</script>\"'><svg onload=xss()>";

    @Autowired
    ProfileService profiles;

    record Xss(CurrentMember author, CurrentMember viewer, CurrentMember moderator, long item, long post, long report,
               long production, CurrentMember colleague, long call, CurrentMember requestReceiver) {
    }

    private Xss x;

    @BeforeAll
    void writePayloadsEverywhere() throws Exception {
        // Sign-up through the form, with the payload as display name.
        String username = uniqueName("xss");
        mvc.perform(post("/signup").with(csrf()).param("username", username).param("email", username + "@example.com")
                .param("password", "long enough passphrase 42").param("displayName", SHORT_PAYLOAD));
        CurrentMember author = currentMember(username);
        assertThat(jdbc.queryForObject("select display_name from member where id = ?", String.class, author.id())).isEqualTo(SHORT_PAYLOAD);
        CurrentMember viewer = newMember("viewer");
        CurrentMember moderator = newMember("mod");
        moderation.grantModerator(moderator.username());
        moderator = currentMember(moderator.username());

        mvc.perform(post("/profile/edit").with(user(author)).with(csrf()).param("displayName", SHORT_PAYLOAD)
                .param("headline", PAYLOAD).param("role", SHORT_PAYLOAD).param("location", SHORT_PAYLOAD).param("bio", PAYLOAD));
        assertThat(jdbc.queryForObject("select headline from profile where member_id = ?", String.class, author.id())).isEqualTo(PAYLOAD);
        long item = portfolio.add(author.id(), new PortfolioItemForm(SHORT_PAYLOAD, PAYLOAD, null, 2024, SHORT_PAYLOAD)).id();
        connections.accept(viewer.id(), connections.request(author.id(), viewer.id()).state().connectionId());
        long post = feed.publish(author.id(), PAYLOAD);
        feed.comment(author.id(), post, PAYLOAD);
        jdbc.update("insert into availability_range (member_id, start_date, end_date, status, note) values (?, current_date + 3, current_date + 5, 'BOOKED', ?)",
                author.id(), PAYLOAD);
        messaging.send(author.id(), viewer.id(), PAYLOAD);
        mvc.perform(post("/reports").with(user(viewer)).with(csrf()).param("targetType", "post")
                .param("targetId", String.valueOf(post)).param("reason", PAYLOAD));
        // A pending request from the payload-named member, for the pending list.
        CurrentMember other = newMember("other");
        connections.request(author.id(), other.id());
        // With the payload as its note (set-up SQL: the author is not verified yet, so the form would refuse a note).
        jdbc.update("update connection set note = ? where requester_id = ? and receiver_id = ?", PAYLOAD, author.id(), other.id());
        jdbc.update("insert into member_block (blocker_id, blocked_id) values (?, ?)", other.id(), newMember("blockee").id());
        long report = jdbc.queryForObject("select id from report where reason = ?", Long.class, PAYLOAD);
        // Signed up through the form, the author has not verified the address yet: only verified members add productions.
        jdbc.update("update member set email_verified_at = now() where id = ?", author.id());
        // A production titled with the payload, the author's credit with a payload role and note, confirmed by the viewer.
        mvc.perform(post("/productions").with(user(author)).with(csrf()).param("title", SHORT_PAYLOAD + uniqueName("p"))
                .param("year", "2024").param("kind", "short").param("link", "").param("confirmNew", "true"));
        long production = jdbc.queryForObject("select id from production where created_by = ?", Long.class, author.id());
        mvc.perform(post("/credits").with(user(author)).with(csrf()).param("productionId", String.valueOf(production))
                .param("role", SHORT_PAYLOAD).param("note", SHORT_PAYLOAD));
        mvc.perform(post("/credits").with(user(viewer)).with(csrf()).param("productionId", String.valueOf(production))
                .param("role", "Gaffer"));
        long credit = jdbc.queryForObject("select id from credit where member_id = ?", Long.class, author.id());
        mvc.perform(post("/credits/" + credit + "/confirm").with(user(viewer)).with(csrf()));
        assertThat(jdbc.queryForObject("select count(*) from credit_confirmation where credit_id = ?", Long.class, credit)).isOne();
        // A colleague on the production, not connected to the author: the author is among their suggestions.
        CurrentMember colleague = newMember("colleague");
        mvc.perform(post("/credits").with(user(colleague)).with(csrf()).param("productionId", String.valueOf(production))
                .param("role", "Colorist"));
        // A crew call with the payload everywhere, and the viewer's application with a payload note.
        long call = jdbc.queryForObject("""
                insert into crew_call (poster_id, title, role, location, start_date, end_date, pay_rate, pay_unit, currency, deadline, description)
                values (?, ?, ?, ?, current_date + 30, current_date + 35, 300, 'day', 'EUR', current_date + 20, ?) returning id""",
                Long.class, author.id(), SHORT_PAYLOAD, SHORT_PAYLOAD, SHORT_PAYLOAD, PAYLOAD);
        mvc.perform(post("/calls/" + call + "/apply").with(user(viewer)).with(csrf()).param("note", PAYLOAD));
        assertThat(jdbc.queryForObject("select count(*) from call_application where call_id = ?", Long.class, call)).isOne();
        x = new Xss(author, viewer, moderator, item, post, report, production, colleague, call, other);
    }

    static Stream<Arguments> pages() {
        return Stream.of(
                page("profile, anonymous", x -> get("/people/" + x.author().username())),
                page("profile, logged in", x -> get("/people/" + x.author().username()).with(user(x.viewer()))),
                page("own profile", x -> get("/people/" + x.author().username()).with(user(x.author()))),
                page("profile edit form", x -> get("/profile/edit").with(user(x.author()))),
                page("portfolio edit form", x -> get("/portfolio/" + x.item() + "/edit").with(user(x.author()))),
                page("feed", x -> get("/feed").with(user(x.viewer()))),
                page("post page", x -> get("/posts/" + x.post()).with(user(x.viewer()))),
                page("inbox", x -> get("/messages").with(user(x.viewer()))),
                page("conversation", x -> get("/messages/" + x.author().username()).with(user(x.viewer()))),
                page("connections", x -> get("/connections").with(user(x.viewer()))),
                page("pending requests, a received note", x -> get("/connections/pending").with(user(x.requestReceiver()))),
                page("pending requests, a sent note", x -> get("/connections/pending").with(user(x.author()))),
                page("search results", x -> get("/search").param("q", x.author().username()).with(user(x.viewer()))),
                // The queue is oldest first: start the page at this report, whatever other tests left open.
                page("production page, anonymous", x -> get("/productions/" + x.production())),
                page("production page, logged in", x -> get("/productions/" + x.production()).with(user(x.viewer()))),
                page("productions list", x -> get("/productions").param("q", "xss").with(user(x.viewer()))),
                page("suggestions", x -> get("/connections/suggestions").with(user(x.colleague()))),
                page("search by production", x -> get("/search").param("workedOn", "xss").with(user(x.viewer()))),
                page("re-rendered production form", x -> post("/productions").param("title", PAYLOAD).param("year", "1")
                        .param("kind", SHORT_PAYLOAD).param("link", SHORT_PAYLOAD).with(user(x.viewer())).with(csrf())),
                page("re-rendered credit form", x -> post("/credits").param("productionId", String.valueOf(x.production()))
                        .param("role", PAYLOAD + "x".repeat(100)).param("note", PAYLOAD).with(user(x.viewer())).with(csrf())),
                page("own availability page (stored note)", x -> get("/availability").with(user(x.author()))),
                page("re-rendered availability form", x -> post("/availability").param("startDate", PAYLOAD)
                        .param("endDate", PAYLOAD).param("status", PAYLOAD).param("holdRank", PAYLOAD).param("note", PAYLOAD)
                        .with(user(x.viewer())).with(csrf())),
                page("search by dates", x -> get("/search").param("availableFrom", SHORT_PAYLOAD)
                        .param("availableTo", SHORT_PAYLOAD).with(user(x.viewer()))),
                page("crew calls list", x -> get("/calls").with(user(x.viewer()))),
                page("crew call page", x -> get("/calls/" + x.call()).with(user(x.viewer()))),
                page("applicants", x -> get("/calls/" + x.call() + "/applicants").with(user(x.author()))),
                page("my applications", x -> get("/calls/mine").with(user(x.viewer()))),
                page("my calls", x -> get("/calls/mine").with(user(x.author()))),
                page("re-rendered call form", x -> post("/calls").param("title", PAYLOAD).param("role", PAYLOAD)
                        .param("location", PAYLOAD).param("startDate", PAYLOAD).param("endDate", PAYLOAD).param("deadline", PAYLOAD)
                        .param("payRate", PAYLOAD).param("currency", PAYLOAD).param("payUnit", PAYLOAD).param("description", PAYLOAD)
                        .with(user(x.viewer())).with(csrf())),
                page("re-rendered application", x -> post("/calls/" + x.call() + "/apply").param("note", PAYLOAD + "x".repeat(1000))
                        .with(user(x.colleague())).with(csrf())),
                page("moderation queue", x -> get("/moderation/reports").param("after", String.valueOf(x.report() - 1))
                        .with(user(x.moderator()))),
                page("re-rendered post form", x -> post("/posts").param("content", PAYLOAD + "x".repeat(5000))
                        .with(user(x.viewer())).with(csrf())),
                page("re-rendered report form", x -> post("/reports").param("targetType", "post")
                        .param("targetId", String.valueOf(x.post())).param("reason", PAYLOAD + "x".repeat(1000))
                        .with(user(x.viewer())).with(csrf())));
    }

    private static Arguments page(String name, Function<Xss, MockHttpServletRequestBuilder> request) {
        return arguments(name, request);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void showsThePayloadAsTextOnly(String name, Function<Xss, MockHttpServletRequestBuilder> request) throws Exception {
        var response = mvc.perform(request.apply(x)).andReturn().getResponse();
        assertThat(response.getStatus()).as(name).isLessThan(500);
        String html = response.getContentAsString();
        assertThat(html).as(name + " shows the payload").contains("xss()");
        assertThat(html).as(name).doesNotContain("<script>xss").doesNotContain("<img src=x").doesNotContain("<svg onload")
                .doesNotContain("</textarea><script");
    }

    @Test
    void pendingRequestsShowThePayloadNameAsText() throws Exception {
        String html = mvc.perform(get("/connections/pending").with(user(x.author()))).andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("<script>xss").doesNotContain("<svg onload");
    }

    @Test
    void aRefusedRequestNoteComesBackToItsFieldAsText() throws Exception {
        var refused = mvc.perform(post("/connections/request/" + x.requestReceiver().username()).with(user(x.viewer())).with(csrf())
                .param("note", PAYLOAD + "x".repeat(300))).andReturn().getResponse();
        assertThat(refused.getRedirectedUrl()).isEqualTo("/people/" + x.requestReceiver().username());
        // The flash lives in the session: follow the redirect with its cookie.
        String html = mvc.perform(get(refused.getRedirectedUrl()).with(user(x.viewer())).cookie(refused.getCookie("SESSION")))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("xss()").contains("data-request-note-form")
                .doesNotContain("<script>xss").doesNotContain("<img src=x").doesNotContain("<svg onload").doesNotContain("</textarea><script");
    }

    @Test
    void linksInMemberTextAreOnlyHttpAndMarkedUgc() throws Exception {
        long post = feed.publish(x.author().id(), "See https://example.com/a and javascript:alert(1) and data:text/html,hi");
        String html = mvc.perform(get("/posts/" + post).with(user(x.viewer()))).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("href=\"https://example.com/a\"").contains("nofollow").contains("ugc")
                .doesNotContain("href=\"javascript:").doesNotContain("href=\"data:");
    }
}
