package com.moviepeople.security;

import com.moviepeople.shared.CurrentMember;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every state-changing POST of ROUTES.md, sent by the member entitled to it with valid fields but
 * without the CSRF token (as a forged cross-site form would be): 403, and nothing changes. The
 * same request with the token does change the database, so the refusal is the token's doing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CsrfAttackIntegrationTests extends AttackTest {

    static final String NEW_PASSWORD = "a completely new passphrase";

    /** Who sends the request: nobody (anonymous), the victim, the requester or a moderator. */
    enum Actor { ANONYMOUS, VICTIM, REQUESTER, MODERATOR }

    private World shared;
    private CurrentMember sharedModerator;

    @BeforeAll
    void createTheWorld() {
        shared = world();
        sharedModerator = moderatorFor();
    }

    private CurrentMember moderatorFor() {
        CurrentMember m = newMember("mod");
        moderation.grantModerator(m.username());
        return currentMember(m.username());
    }

    static Stream<Arguments> stateChangingPosts() {
        return Stream.of(
                route("sign up", Actor.ANONYMOUS, true, w -> post("/signup").param("username", uniqueName("csrf"))
                        .param("email", uniqueName("csrf") + "@example.com").param("password", NEW_PASSWORD).param("displayName", "Forged")),
                route("log in", Actor.ANONYMOUS, false, w -> post("/login").param("username", w.victim().username()).param("password", PASSWORD)),
                route("log out", Actor.VICTIM, false, w -> post("/logout")),
                route("ask for a password reset", Actor.ANONYMOUS, true, w -> post("/password/forgot")
                        .param("email", w.victim().username() + "@example.com")),
                route("reset a password", Actor.ANONYMOUS, false, w -> post("/password/reset/forged-token").param("password", NEW_PASSWORD)),
                route("resend the verification mail", Actor.VICTIM, false, w -> post("/verify-email/resend")),
                route("change the password", Actor.VICTIM, true, w -> post("/settings/password")
                        .param("currentPassword", PASSWORD).param("newPassword", NEW_PASSWORD)),
                route("change the e-mail", Actor.VICTIM, true, w -> post("/settings/email")
                        .param("email", uniqueName("new") + "@example.com").param("password", PASSWORD)),
                route("delete the account", Actor.VICTIM, true, w -> post("/settings/delete-account").param("password", PASSWORD)),
                route("log out everywhere", Actor.VICTIM, false, w -> post("/settings/logout-everywhere")),
                route("edit the profile", Actor.VICTIM, true, w -> post("/profile/edit").param("displayName", "Forged Name")
                        .param("headline", "Forged")),
                route("add a portfolio item", Actor.VICTIM, true, w -> post("/portfolio").param("title", "Forged work")),
                route("update a portfolio item", Actor.VICTIM, true, w -> post("/portfolio/" + w.item()).param("title", "Forged title")),
                route("delete a portfolio item", Actor.VICTIM, true, w -> post("/portfolio/" + w.item() + "/delete")),
                route("send a connection request", Actor.VICTIM, true, w -> post("/connections/request/" + w.attacker().username())),
                route("accept a request", Actor.VICTIM, true, w -> post("/connections/" + w.pending() + "/accept")),
                route("reject a request", Actor.VICTIM, true, w -> post("/connections/" + w.pending() + "/reject")),
                route("cancel a request", Actor.REQUESTER, true, w -> post("/connections/" + w.pending() + "/cancel")),
                route("remove a connection", Actor.VICTIM, true, w -> post("/connections/" + w.connection() + "/remove")),
                route("send a connection request with a note", Actor.VICTIM, true, w -> post("/connections/request/"
                        + w.attacker().username()).param("note", "Forged note")),
                route("ignore a request and block its sender", Actor.VICTIM, true, w -> post("/connections/" + w.pending() + "/block")),
                route("block a member", Actor.VICTIM, true, w -> post("/people/" + w.attacker().username() + "/block")),
                route("unblock a member", Actor.VICTIM, false, w -> post("/people/" + w.attacker().username() + "/unblock")),
                route("report a comment", Actor.VICTIM, true, w -> post("/reports").param("targetType", "comment")
                        .param("targetId", String.valueOf(w.comment())).param("reason", "A forged report of a comment")),
                route("send a message", Actor.VICTIM, true, w -> post("/messages/" + w.friend().username()).param("content", "Forged")),
                route("publish a post", Actor.VICTIM, true, w -> post("/posts").param("content", "Forged post")),
                route("comment on a post", Actor.VICTIM, true, w -> post("/posts/" + w.post() + "/comments").param("content", "Forged")),
                route("delete a post", Actor.VICTIM, true, w -> post("/posts/" + w.post() + "/delete")),
                route("delete a comment", Actor.VICTIM, true, w -> post("/comments/" + w.comment() + "/delete")),
                route("create a production", Actor.VICTIM, true, w -> post("/productions").param("title", "Forged " + uniqueName("p"))
                        .param("year", "2024").param("kind", "short").param("confirmNew", "true")),
                route("add a credit", Actor.VICTIM, true, w -> post("/credits")
                        .param("productionId", String.valueOf(w.credits().production())).param("role", "Forged role")),
                route("delete a credit", Actor.VICTIM, true, w -> post("/credits/" + w.credits().victimCredit() + "/delete")),
                route("confirm a credit", Actor.VICTIM, true, w -> post("/credits/" + w.credits().friendCredit() + "/confirm")),
                route("withdraw a confirmation", Actor.VICTIM, true, w -> post("/credits/" + w.credits().requesterCredit() + "/unconfirm")),
                route("hide a confirmation", Actor.VICTIM, true, w -> post("/credits/" + w.credits().victimCredit()
                        + "/confirmations/" + w.friend().username() + "/hide")),
                route("mark a notification read", Actor.VICTIM, true, w -> post("/notifications/" + w.notification() + "/read")),
                route("mark all notifications read", Actor.VICTIM, true, w -> post("/notifications/read-all")),
                route("upload a profile photo", Actor.VICTIM, true, w -> multipart("/profile/photo")
                        .file(new org.springframework.mock.web.MockMultipartFile("photo", "me.png", "image/png",
                                com.moviepeople.media.TestPictures.png(200, 200)))),
                route("add a still", Actor.VICTIM, true, w -> multipart("/portfolio/" + w.item() + "/stills")
                        .file(new org.springframework.mock.web.MockMultipartFile("image", "still.png", "image/png",
                                com.moviepeople.media.TestPictures.png(320, 200)))),
                route("remove a still", Actor.VICTIM, true, w -> post("/portfolio/" + w.item() + "/stills/" + w.still() + "/delete")),
                route("choose how often notification e-mails come", Actor.VICTIM, true,
                        w -> post("/settings/notifications").param("emailFrequency", "never")),
                route("applaud a post", Actor.VICTIM, true, w -> post("/posts/" + w.post() + "/applaud")),
                route("applaud a comment", Actor.VICTIM, true, w -> post("/comments/" + w.comment() + "/applaud")),
                route("add an availability range", Actor.VICTIM, true, w -> post("/availability")
                        .param("startDate", java.time.LocalDate.now().plusDays(100).toString())
                        .param("endDate", java.time.LocalDate.now().plusDays(101).toString()).param("status", "booked")),
                route("change an availability range", Actor.VICTIM, true, w -> post("/availability/" + w.range())
                        .param("startDate", java.time.LocalDate.now().plusDays(30).toString())
                        .param("endDate", java.time.LocalDate.now().plusDays(31).toString()).param("status", "available")),
                route("delete an availability range", Actor.VICTIM, true, w -> post("/availability/" + w.range() + "/delete")),
                route("show availability to everyone", Actor.VICTIM, true, w -> post("/settings/availability").param("visibility", "everyone")),
                route("renew the calendar feed", Actor.VICTIM, true, w -> post("/availability/feed/renew")),
                route("turn the calendar feed off", Actor.VICTIM, false, w -> post("/availability/feed/stop")),
                route("post a crew call", Actor.VICTIM, true, w -> post("/calls").param("title", "Forged call").param("role", "Grip")
                        .param("location", "Rome").param("startDate", java.time.LocalDate.now().plusDays(40).toString())
                        .param("endDate", java.time.LocalDate.now().plusDays(41).toString())
                        .param("deadline", java.time.LocalDate.now().plusDays(30).toString()).param("payRate", "200")
                        .param("currency", "EUR").param("payUnit", "day").param("description", "Forged")),
                route("apply to a call", Actor.REQUESTER, true, w -> post("/calls/" + w.call() + "/apply").param("note", "Forged")),
                route("shortlist an applicant", Actor.VICTIM, true, w -> post("/calls/" + w.call() + "/applicants/" + w.application() + "/shortlist")),
                route("decline an applicant", Actor.VICTIM, true, w -> post("/calls/" + w.call() + "/applicants/" + w.application() + "/decline")),
                route("close a call", Actor.VICTIM, true, w -> post("/calls/" + w.call() + "/close").param("outcome", "cancelled")),
                route("dismiss a report", Actor.MODERATOR, true, w -> post("/moderation/reports/" + w.report() + "/dismiss")),
                route("suspend a member", Actor.MODERATOR, true, w -> post("/moderation/reports/" + w.report() + "/suspend")));
    }

    private static Arguments route(String name, Actor actor, boolean changesWithToken,
                                   Function<World, ? extends AbstractMockHttpServletRequestBuilder<?>> request) {
        return arguments(name, actor, changesWithToken, request);
    }

    private AbstractMockHttpServletRequestBuilder<?> as(Actor actor, World w, CurrentMember moderator, AbstractMockHttpServletRequestBuilder<?> request) {
        return switch (actor) {
            case ANONYMOUS -> request;
            case VICTIM -> request.with(user(w.victim()));
            case REQUESTER -> request.with(user(w.requester()));
            case MODERATOR -> request.with(user(moderator));
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stateChangingPosts")
    void withoutTheTokenIsForbiddenAndChangesNothing(String name, Actor actor, boolean changesWithToken,
                                                     Function<World, ? extends AbstractMockHttpServletRequestBuilder<?>> request) throws Exception {
        Map<String, String> before = snapshot();
        mvcStatus(as(actor, shared, sharedModerator, request.apply(shared)), name, 403);
        // A wrong token is no better than none.
        mvcStatus(as(actor, shared, sharedModerator, request.apply(shared)).with(csrf().useInvalidToken()), name, 403);
        assertUnchangedSince(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stateChangingPosts")
    void withTheTokenTheSameRequestGoesThrough(String name, Actor actor, boolean changesWithToken,
                                               Function<World, ? extends AbstractMockHttpServletRequestBuilder<?>> request) throws Exception {
        World w = world();
        CurrentMember moderator = moderatorFor();
        Map<String, String> before = snapshot();
        int status = mvc.perform(as(actor, w, moderator, request.apply(w)).with(csrf())).andReturn().getResponse().getStatus();
        assertThat(status).as(name).isNotEqualTo(403).isLessThan(500);
        if (changesWithToken) {
            assertThat(snapshot()).as(name + " with a token").isNotEqualTo(before);
        }
    }

    private void mvcStatus(AbstractMockHttpServletRequestBuilder<?> request, String name, int expected) throws Exception {
        assertThat(mvc.perform(request).andReturn().getResponse().getStatus()).as(name).isEqualTo(expected);
    }
}
