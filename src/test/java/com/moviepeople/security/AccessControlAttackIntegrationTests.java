package com.moviepeople.security;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Another member's ids on every id-taking URL of ROUTES.md, by a logged-in attacker with a valid
 * CSRF token: always 403 or 404, and not one row changes anywhere.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlAttackIntegrationTests extends AttackTest {

    private World w;

    @BeforeAll
    void createTheWorld() {
        w = world();
    }

    static Stream<Arguments> othersThings() {
        return Stream.of(
                attack("edit form of another's portfolio item", w -> get("/portfolio/" + w.item() + "/edit")),
                attack("update another's portfolio item", w -> post("/portfolio/" + w.item())
                        .param("title", "Defaced").param("description", "pwned")),
                attack("delete another's portfolio item", w -> post("/portfolio/" + w.item() + "/delete")),
                attack("add a still to another's portfolio item", w -> multipart("/portfolio/" + w.item() + "/stills")
                        .file(new org.springframework.mock.web.MockMultipartFile("image", "still.png", "image/png",
                                com.moviepeople.media.TestPictures.png(320, 200)))),
                attack("remove a still of another's portfolio item", w -> post("/portfolio/" + w.item() + "/stills/" + w.still() + "/delete")),
                attack("accept a request sent to another", w -> post("/connections/" + w.pending() + "/accept")),
                attack("reject a request sent to another", w -> post("/connections/" + w.pending() + "/reject")),
                attack("cancel another's request", w -> post("/connections/" + w.pending() + "/cancel")),
                attack("remove another's connection", w -> post("/connections/" + w.connection() + "/remove")),
                attack("accept an accepted connection of others", w -> post("/connections/" + w.connection() + "/accept")),
                attack("ignore and block through a request sent to another", w -> post("/connections/" + w.pending() + "/block")),
                attack("ignore and block through others' connection", w -> post("/connections/" + w.connection() + "/block")),
                attack("read a post of a stranger's network", w -> get("/posts/" + w.post())),
                attack("comment on a stranger's post", w -> post("/posts/" + w.post() + "/comments").param("content", "Hi")),
                attack("delete a stranger's post", w -> post("/posts/" + w.post() + "/delete")),
                attack("delete a comment on a stranger's post", w -> post("/comments/" + w.comment() + "/delete")),
                attack("read a stranger's conversation", w -> get("/messages/" + w.victim().username())),
                attack("poll a stranger's conversation", w -> get("/messages/" + w.victim().username() + "/since").param("after", "0")),
                attack("page a stranger's conversation", w -> get("/messages/" + w.victim().username() + "/earlier")),
                attack("open others' conversation by id", w -> get("/messages/c/" + w.conversation())),
                attack("message a stranger", w -> post("/messages/" + w.victim().username()).param("content", "Hello")),
                attack("report a message of others' conversation", w -> post("/reports").param("targetType", "message")
                        .param("targetId", String.valueOf(w.message())).param("reason", "Reporting what I cannot see")),
                attack("report a post I cannot see", w -> post("/reports").param("targetType", "post")
                        .param("targetId", String.valueOf(w.post())).param("reason", "Reporting what I cannot see")),
                attack("report a comment I cannot see", w -> post("/reports").param("targetType", "comment")
                        .param("targetId", String.valueOf(w.comment())).param("reason", "Reporting what I cannot see")),
                attack("the report form for a post I cannot see", w -> get("/reports/new").param("targetType", "post")
                        .param("targetId", String.valueOf(w.post()))),
                attack("delete another's credit", w -> post("/credits/" + w.credits().victimCredit() + "/delete")),
                attack("confirm a credit on a production I am not credited on", w -> post("/credits/" + w.credits().victimCredit() + "/confirm")),
                attack("withdraw another's confirmation", w -> post("/credits/" + w.credits().requesterCredit() + "/unconfirm")),
                attack("hide a confirmation of another's credit", w -> post("/credits/" + w.credits().victimCredit()
                        + "/confirmations/" + w.friend().username() + "/hide")),
                attack("show again a confirmation of another's credit", w -> post("/credits/" + w.credits().victimCredit()
                        + "/confirmations/" + w.friend().username() + "/show")),
                attack("add a credit to a production that does not exist", w -> post("/credits")
                        .param("productionId", "999999999").param("role", "Gaffer")),
                attack("the change form of another's availability range", w -> get("/availability")
                        .param("edit", String.valueOf(w.range()))),
                attack("change another's availability range", w -> post("/availability/" + w.range())
                        .param("startDate", java.time.LocalDate.now().plusDays(50).toString())
                        .param("endDate", java.time.LocalDate.now().plusDays(51).toString()).param("status", "available")),
                attack("delete another's availability range", w -> post("/availability/" + w.range() + "/delete")),
                attack("applaud a stranger's post", w -> post("/posts/" + w.post() + "/applaud")),
                attack("applaud a comment on a stranger's post", w -> post("/comments/" + w.comment() + "/applaud")),
                attack("mark another's notification read", w -> post("/notifications/" + w.notification() + "/read")),
                attack("open another's notification", w -> post("/notifications/" + w.notification() + "/read").param("open", "true")),
                attack("the applicants of another's call", w -> get("/calls/" + w.call() + "/applicants")),
                attack("shortlist on another's call", w -> post("/calls/" + w.call() + "/applicants/" + w.application() + "/shortlist")),
                attack("decline on another's call", w -> post("/calls/" + w.call() + "/applicants/" + w.application() + "/decline")),
                attack("close another's call as filled", w -> post("/calls/" + w.call() + "/close").param("outcome", "filled")),
                attack("close another's call without an outcome", w -> post("/calls/" + w.call() + "/close")),
                attack("download another's data export", w -> get("/settings/export/" + w.export() + "/download")),
                attack("the moderators' queue", w -> get("/moderation/reports")),
                attack("dismiss a report", w -> post("/moderation/reports/" + w.report() + "/dismiss")),
                attack("suspend through a report", w -> post("/moderation/reports/" + w.report() + "/suspend")));
    }

    private static Arguments attack(String name, Function<World, ? extends AbstractMockHttpServletRequestBuilder<?>> request) {
        return arguments(name, request);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("othersThings")
    void isRefusedAndChangesNothing(String name, Function<World, ? extends AbstractMockHttpServletRequestBuilder<?>> request) throws Exception {
        Map<String, String> before = snapshot();
        int status = mvc.perform(request.apply(w).with(user(w.attacker())).with(csrf())).andReturn().getResponse().getStatus();
        assertThat(status).as(name).isIn(403, 404);
        assertUnchangedSince(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("othersThings")
    void anonymousVisitorsAreSentToLoginAndChangeNothing(String name, Function<World, ? extends AbstractMockHttpServletRequestBuilder<?>> request)
            throws Exception {
        Map<String, String> before = snapshot();
        var response = mvc.perform(request.apply(w).with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus()).as(name).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).as(name).endsWith("/login");
        assertUnchangedSince(before);
    }
}
