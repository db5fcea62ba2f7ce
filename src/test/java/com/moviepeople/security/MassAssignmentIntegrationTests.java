package com.moviepeople.security;

import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Mass assignment: owner, author, status, role, id and verification fields sent alongside each
 * form have no effect. Forms bind to records that have only the fields the page shows; who acts
 * comes from the session and everything else from the server.
 */
class MassAssignmentIntegrationTests extends AttackTest {

    @Test
    void signUpCannotChooseRoleVerificationOrId() throws Exception {
        String username = uniqueName("mass");
        mvc.perform(post("/signup").with(csrf()).param("username", username).param("email", username + "@example.com")
                .param("password", "long enough passphrase 42").param("displayName", "Mass Assigner")
                .param("role", "MODERATOR").param("emailVerifiedAt", "2020-01-01T00:00:00Z").param("email_verified_at", "2020-01-01")
                .param("emailVerified", "true").param("suspendedAt", "").param("id", "1").param("passwordHash", "{noop}x"));
        Map<String, Object> row = jdbc.queryForMap("select id, role, email_verified_at, suspended_at, password_hash from member where username = ?", username);
        assertThat(row.get("role")).isEqualTo("MEMBER");
        assertThat(row.get("email_verified_at")).isNull();
        assertThat(row.get("id")).isNotEqualTo(1L);
        assertThat((String) row.get("password_hash")).startsWith("{argon2");
    }

    @Test
    void profileEditTouchesOnlyTheSendersOwnProfileFields() throws Exception {
        World w = world();
        Map<String, Object> victimBefore = jdbc.queryForMap("select * from member where id = ?", w.victim().id());
        mvc.perform(post("/profile/edit").with(user(w.attacker())).with(csrf()).param("displayName", "Attacker")
                .param("memberId", String.valueOf(w.victim().id())).param("id", String.valueOf(w.victim().id()))
                .param("username", "admin").param("email", "x@evil.example").param("role", "Editor").param("emailVerifiedAt", "2020-01-01"));
        assertThat(jdbc.queryForMap("select * from member where id = ?", w.victim().id())).isEqualTo(victimBefore);
        Map<String, Object> attacker = jdbc.queryForMap("select username::text as username, email::text as email, role, display_name from member where id = ?", w.attacker().id());
        assertThat(attacker.get("username")).isEqualTo(w.attacker().username());
        assertThat(attacker.get("email")).isEqualTo(w.attacker().username() + "@example.com");
        assertThat(attacker.get("role")).isEqualTo("MEMBER");
        assertThat(attacker.get("display_name")).isEqualTo("Attacker");
    }

    @Test
    void portfolioItemsBelongToTheirCreatorWhateverTheForm() throws Exception {
        World w = world();
        Map<String, Object> victimItem = jdbc.queryForMap("select * from portfolio_item where id = ?", w.item());
        mvc.perform(post("/portfolio").with(user(w.attacker())).with(csrf()).param("title", "Mine")
                .param("ownerId", String.valueOf(w.victim().id())).param("owner_id", String.valueOf(w.victim().id()))
                .param("id", String.valueOf(w.item())));
        assertThat(jdbc.queryForList("select owner_id from portfolio_item where title = 'Mine' and owner_id in (?, ?)", Long.class,
                w.attacker().id(), w.victim().id())).containsExactly(w.attacker().id());
        assertThat(jdbc.queryForMap("select * from portfolio_item where id = ?", w.item())).isEqualTo(victimItem);
    }

    @Test
    void postsCommentsAndMessagesAreWrittenAsTheSender() throws Exception {
        World w = world();
        connections.accept(w.attacker().id(), connections.request(w.friend().id(), w.attacker().id()).state().connectionId());
        mvc.perform(post("/posts").with(user(w.attacker())).with(csrf()).param("content", "Post by attacker")
                .param("authorId", String.valueOf(w.victim().id())).param("kind", "PORTFOLIO").param("id", String.valueOf(w.post()))
                .param("createdAt", "2000-01-01T00:00:00Z"));
        assertThat(jdbc.queryForMap("select author_id, kind, created_at > now() - interval '1 hour' as recent from post where body = 'Post by attacker'"))
                .containsEntry("author_id", w.attacker().id()).containsEntry("kind", "TEXT").containsEntry("recent", true);

        long friendsPost = feed.publish(w.friend().id(), "Friend's post");
        mvc.perform(post("/posts/" + friendsPost + "/comments").with(user(w.attacker())).with(csrf()).param("content", "Comment by attacker")
                .param("authorId", String.valueOf(w.victim().id())).param("postId", String.valueOf(w.post())));
        assertThat(jdbc.queryForMap("select author_id, post_id from comment where body = 'Comment by attacker'"))
                .containsEntry("author_id", w.attacker().id()).containsEntry("post_id", friendsPost);

        mvc.perform(post("/messages/" + w.friend().username()).with(user(w.attacker())).with(csrf()).param("content", "Message by attacker")
                .param("senderId", String.valueOf(w.victim().id())).param("recipientId", String.valueOf(w.victim().id()))
                .param("readAt", "2020-01-01T00:00:00Z"));
        assertThat(jdbc.queryForMap("select sender_id, recipient_id, read_at from message where body = 'Message by attacker'"))
                .containsEntry("sender_id", w.attacker().id()).containsEntry("recipient_id", w.friend().id()).containsEntry("read_at", null);
    }

    @Test
    void connectionRequestsCannotSetTheirStatusOrSides() throws Exception {
        World w = world();
        CurrentMember target = newMember("target");
        mvc.perform(post("/connections/request/" + target.username()).with(user(w.attacker())).with(csrf())
                .param("status", "ACCEPTED").param("requesterId", String.valueOf(w.victim().id()))
                .param("receiverId", String.valueOf(w.friend().id())));
        assertThat(jdbc.queryForMap("select requester_id, receiver_id, status from connection where receiver_id = ?", target.id()))
                .containsEntry("requester_id", w.attacker().id()).containsEntry("status", "PENDING");
    }

    @Test
    void reportsCannotChooseTheirStatusReporterOrMember() throws Exception {
        World w = world();
        connections.accept(w.attacker().id(), connections.request(w.friend().id(), w.attacker().id()).state().connectionId());
        long friendsPost = feed.publish(w.friend().id(), "Reported post");
        mvc.perform(post("/reports").with(user(w.attacker())).with(csrf()).param("targetType", "post")
                .param("targetId", String.valueOf(friendsPost)).param("reason", "Reported with extra fields")
                .param("status", "ACTIONED").param("reporterId", String.valueOf(w.victim().id()))
                .param("targetMemberId", String.valueOf(w.victim().id())).param("handledBy", String.valueOf(w.attacker().id()))
                .param("excerpt", "forged excerpt"));
        assertThat(jdbc.queryForMap("select reporter_id, target_member_id, status, handled_by, excerpt from report where target_id = ? and target_type = 'POST'",
                friendsPost))
                .containsEntry("reporter_id", w.attacker().id()).containsEntry("target_member_id", w.friend().id())
                .containsEntry("status", "OPEN").containsEntry("handled_by", null).containsEntry("excerpt", "Reported post");
    }

    @Test
    void changingTheEmailCannotMarkItVerified() throws Exception {
        CurrentMember me = newMember("unverified");
        jdbc.update("update member set email_verified_at = null where id = ?", me.id());
        mvc.perform(post("/settings/email").with(user(me)).with(csrf()).param("email", uniqueName("n") + "@example.com")
                .param("password", PASSWORD).param("emailVerifiedAt", "2020-01-01T00:00:00Z").param("emailVerified", "true"));
        assertThat(jdbc.queryForObject("select email_verified_at from member where id = ?", Object.class, me.id())).isNull();
        assertThat(jdbc.queryForObject("select email from member where id = ?", String.class, me.id())).isEqualTo(me.username() + "@example.com");
    }
}
