package com.moviepeople.security;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Oversized (1 MB) and malformed input on every route that takes input: never a 500, and what is
 * refused stores nothing. (Malformed bytes on the wire — invalid percent-encoding, raw NULs — are
 * sent through Tomcat in {@link HttpLevelAttackIntegrationTests}.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputIntegrationTests extends AttackTest {

    static final String MEGABYTE = "x".repeat(1024 * 1024);
    static final String NUL = "a\u0000b";

    private World w;

    @BeforeAll
    void createTheWorld() {
        w = world();
        messaging.markRead(w.victim().id(), w.friend().id()); // reading the conversation below changes nothing then
    }

    static Stream<Arguments> oversizedFields() {
        return Stream.of(
                form("sign-up name", w -> post("/signup").param("username", uniqueName("big")).param("email", "big@example.com")
                        .param("password", "long enough passphrase 42").param("displayName", MEGABYTE)),
                form("sign-up username", w -> post("/signup").param("username", MEGABYTE).param("email", "big2@example.com")
                        .param("password", "long enough passphrase 42").param("displayName", "Big")),
                form("sign-up password", w -> post("/signup").param("username", uniqueName("big")).param("email", "big3@example.com")
                        .param("password", MEGABYTE).param("displayName", "Big")),
                form("login", w -> post("/login").param("username", MEGABYTE).param("password", MEGABYTE)),
                form("forgotten password", w -> post("/password/forgot").param("email", MEGABYTE)),
                form("password reset", w -> post("/password/reset/" + "t".repeat(4000)).param("password", MEGABYTE)),
                form("password change", w -> post("/settings/password").with(user(w.victim())).param("currentPassword", MEGABYTE)
                        .param("newPassword", MEGABYTE)),
                form("e-mail change", w -> post("/settings/email").with(user(w.victim())).param("email", MEGABYTE).param("password", PASSWORD)),
                form("account deletion", w -> post("/settings/delete-account").with(user(w.victim())).param("password", MEGABYTE)),
                form("profile bio", w -> post("/profile/edit").with(user(w.victim())).param("displayName", "Big").param("bio", MEGABYTE)),
                form("profile website", w -> post("/profile/edit").with(user(w.victim())).param("displayName", "Big")
                        .param("website", "https://example.com/" + MEGABYTE)),
                form("portfolio description", w -> post("/portfolio").with(user(w.victim())).param("title", "Big")
                        .param("description", MEGABYTE)),
                form("portfolio media URL", w -> post("/portfolio").with(user(w.victim())).param("title", "Big")
                        .param("mediaUrl", "https://youtu.be/" + MEGABYTE)),
                form("portfolio year", w -> post("/portfolio").with(user(w.victim())).param("title", "Big").param("year", MEGABYTE)),
                form("post", w -> post("/posts").with(user(w.victim())).param("content", MEGABYTE)),
                form("comment", w -> post("/posts/" + w.post() + "/comments").with(user(w.victim())).param("content", MEGABYTE)),
                form("message", w -> post("/messages/" + w.friend().username()).with(user(w.victim())).param("content", MEGABYTE)),
                form("report reason", w -> post("/reports").with(user(w.victim())).param("targetType", "comment")
                        .param("targetId", String.valueOf(w.comment())).param("reason", MEGABYTE)),
                form("report category", w -> post("/reports").with(user(w.victim())).param("targetType", "comment")
                        .param("targetId", String.valueOf(w.comment())).param("reason", "A reason long enough").param("category", MEGABYTE)),
                form("search", w -> get("/search").with(user(w.victim())).param("q", MEGABYTE).param("role", MEGABYTE)
                        .param("location", MEGABYTE)),
                form("feed cursor", w -> get("/feed").with(user(w.victim())).param("before", MEGABYTE)),
                form("username in a path", w -> post("/connections/request/" + "a".repeat(5000)).with(user(w.victim()))),
                form("connection request note", w -> post("/connections/request/" + w.attacker().username()).with(user(w.victim()))
                        .param("note", MEGABYTE)),
                form("blocking a long name", w -> post("/people/" + "a".repeat(5000) + "/block").with(user(w.victim()))));
    }

    private static Arguments form(String name, Function<World, MockHttpServletRequestBuilder> request) {
        return arguments(name, request);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oversizedFields")
    void oversizedInputIsRefusedWithoutA500AndStoresNothing(String name, Function<World, MockHttpServletRequestBuilder> request)
            throws Exception {
        Map<String, String> before = snapshot();
        int status = mvc.perform(request.apply(w).with(csrf())).andReturn().getResponse().getStatus();
        assertThat(status).as(name).isLessThan(500);
        assertUnchangedSince(before);
    }

    static Stream<Arguments> nulBytes() {
        return Stream.of(
                form("sign-up", w -> post("/signup").param("username", "nul" + NUL).param("email", "n" + NUL + "@example.com")
                        .param("password", "long enough" + NUL + "passphrase").param("displayName", NUL)),
                form("login", w -> post("/login").param("username", NUL).param("password", NUL)),
                form("profile", w -> post("/profile/edit").with(user(w.attacker())).param("displayName", NUL).param("bio", NUL)
                        .param("headline", NUL).param("website", "https://exa" + NUL + "mple.com")),
                form("portfolio", w -> post("/portfolio").with(user(w.attacker())).param("title", NUL).param("description", NUL)
                        .param("mediaUrl", "https://youtu.be/" + NUL)),
                form("post", w -> post("/posts").with(user(w.attacker())).param("content", NUL)),
                form("comment", w -> post("/posts/" + w.post() + "/comments").with(user(w.victim())).param("content", NUL)),
                form("message", w -> post("/messages/" + w.friend().username()).with(user(w.victim())).param("content", NUL)),
                form("report", w -> post("/reports").with(user(w.victim())).param("targetType", "comment" + NUL)
                        .param("targetId", String.valueOf(w.comment())).param("reason", "A reason with a " + NUL + " byte")),
                form("search", w -> get("/search").with(user(w.victim())).param("q", NUL).param("role", NUL)),
                form("username path", w -> get("/people/{u}", "a" + NUL + "b")),
                form("connections cursor", w -> get("/connections").with(user(w.victim())).param("after", NUL)),
                // Between two members with no relation yet (the attacker must keep owning nothing).
                form("connection request note", w -> post("/connections/request/" + w.friend().username())
                        .with(user(w.requester())).param("note", NUL + "\u0007\r\nline")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nulBytes")
    void nulBytesNeverCauseA500(String name, Function<World, MockHttpServletRequestBuilder> request) throws Exception {
        int status = mvc.perform(request.apply(w).with(csrf())).andReturn().getResponse().getStatus();
        assertThat(status).as(name).isLessThan(500);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "0", "1.5", "1e9", "99999999999999999999", "9223372036854775807", "%20", "null", "0x10",
            "９", "1;select 1"})
    void oddIdsAreNeverA500AndChangeNothing(String id) throws Exception {
        Map<String, String> before = snapshot();
        for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] {
                get("/portfolio/" + id + "/edit"), post("/portfolio/" + id).param("title", "x"), post("/portfolio/" + id + "/delete"),
                post("/connections/" + id + "/accept"), post("/connections/" + id + "/reject"), post("/connections/" + id + "/cancel"),
                post("/connections/" + id + "/remove"), post("/connections/" + id + "/block"), get("/posts/" + id), post("/posts/" + id + "/comments").param("content", "x"),
                post("/posts/" + id + "/delete"), post("/comments/" + id + "/delete"), get("/messages/c/" + id),
                get("/messages/" + w.friend().username()).param("before", id), get("/messages").param("after", id),
                get("/messages/" + w.friend().username() + "/since").param("after", id),
                post("/reports").param("targetType", "post").param("targetId", id).param("reason", "Long enough reason"),
                get("/settings/blocked").param("after", id), get("/connections").param("after", id), get("/feed").param("before", id)}) {
            // As a member who owns nothing: "0x10" parses as 16, so any id may be someone's.
            int status = mvc.perform(request.with(user(w.attacker())).with(csrf())).andReturn().getResponse().getStatus();
            assertThat(status).as(request.toString() + " with " + id).isLessThan(500);
        }
        assertUnchangedSince(before);
    }
}
