package com.moviepeople.feed;

import com.moviepeople.IntegrationTest;
import com.moviepeople.connections.Connections;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Posting, commenting and deleting through the web, and who may see and do what. */
class FeedIntegrationTests extends IntegrationTest {

    @Autowired
    Connections connections;

    @Autowired
    Feed feed;

    private ResultActions postAs(CurrentMember me, String url, String content) throws Exception {
        var request = post(url).with(user(me)).with(csrf());
        if (content != null) {
            request.param("content", content);
        }
        return mvc.perform(request);
    }

    private long postCount(CurrentMember author) {
        return jdbc.queryForObject("select count(*) from post where author_id = ?", Long.class, author.id());
    }

    private List<Map<String, Object>> everything() {
        return jdbc.queryForList("""
                select 'post' as t, id, author_id, body from post
                union all select 'comment', id, author_id, body from comment order by 1, 2""");
    }

    /** Author, connection, stranger, former connection. */
    private record Cast(CurrentMember author, CurrentMember friend, CurrentMember stranger, CurrentMember former,
                        long postId) {
    }

    private Cast cast() {
        var author = newMember("ada");
        var friend = newMember("fred");
        var stranger = newMember("sam");
        var former = newMember("flo");
        connect(author, friend);
        long formerConnection = connect(former, author);
        long postId = feed.publish(author.id(), "Wrapped day 12 of the shoot!");
        connections.remove(author.id(), formerConnection);
        return new Cast(author, friend, stranger, former, postId);
    }

    // --- the feed page -----------------------------------------------------------------------

    @Test
    void anonymousVisitorsAreSentToLogin() throws Exception {
        mvc.perform(get("/feed")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/posts/1")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void feedShowsMyPostsAndMyConnectionsPostsButNoStrangersOrFormerConnections() throws Exception {
        Cast c = cast();
        long own = feed.publish(c.friend().id(), "Friend's own news");
        long strangers = feed.publish(c.stranger().id(), "Stranger's news");
        long formers = feed.publish(c.former().id(), "Former connection's news");

        mvc.perform(get("/feed").with(user(c.friend())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-post-id=\"" + c.postId() + "\"")))
                .andExpect(content().string(containsString("data-post-id=\"" + own + "\"")))
                .andExpect(content().string(containsString("Wrapped day 12 of the shoot!")))
                .andExpect(content().string(not(containsString("data-post-id=\"" + strangers + "\""))))
                .andExpect(content().string(not(containsString("data-post-id=\"" + formers + "\""))));

        mvc.perform(get("/feed").with(user(c.author())))
                .andExpect(content().string(containsString("data-post-id=\"" + c.postId() + "\"")))
                .andExpect(content().string(containsString("data-post-id=\"" + own + "\"")))
                .andExpect(content().string(not(containsString("data-post-id=\"" + formers + "\""))));
        mvc.perform(get("/feed").with(user(c.former())))
                .andExpect(content().string(not(containsString("data-post-id=\"" + c.postId() + "\""))));
    }

    @Test
    void emptyFeedExplainsHowToFillIt() throws Exception {
        var loner = newMember("loner");
        mvc.perform(get("/feed").with(user(loner)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-feed-empty")))
                .andExpect(content().string(containsString("href=\"/profile/edit\"")))
                .andExpect(content().string(containsString("href=\"/search\"")))
                .andExpect(content().string(containsString("name=\"content\"")))
                .andExpect(content().string(containsString("<label class=\"form-label fw-semibold\" for=\"content\"")));
    }

    @Test
    void eachPostShowsItsAuthorTimeAndLink() throws Exception {
        var author = newMember("auth");
        long id = feed.publish(author.id(), "Hello crew");
        mvc.perform(get("/feed").with(user(author)))
                .andExpect(content().string(containsString("href=\"/people/" + author.username() + "\"")))
                .andExpect(content().string(containsString("Auth Tester")))
                .andExpect(content().string(containsString("href=\"/posts/" + id + "\"")))
                .andExpect(content().string(containsString(" datetime=\"")))
                .andExpect(content().string(containsString("just now")))
                .andExpect(content().string(containsString("data-comment-count=\"0\"")));
    }

    // --- posting -----------------------------------------------------------------------------

    @Test
    void postingStoresTheTrimmedTextAndRedirectsToTheFeed() throws Exception {
        var me = newMember("poster");
        postAs(me, "/posts", "  Looking for a gaffer in Berlin\r\nnext week.  ")
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/feed#post-*"))
                .andExpect(flash().attributeExists("success"));
        assertThat(jdbc.queryForObject("select body from post where author_id = ?", String.class, me.id()))
                .isEqualTo("Looking for a gaffer in Berlin\nnext week.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t \r\n"})
    void blankPostsAreRefusedWithAMessageNextToTheField(String content) throws Exception {
        var me = newMember("blank");
        postAs(me, "/posts", content)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"content-error\"")))
                .andExpect(content().string(containsString(ContentForm.BLANK)));
        assertThat(postCount(me)).isZero();
    }

    @Test
    void aMissingFieldIsAFormErrorNotA500() throws Exception {
        var me = newMember("missing");
        postAs(me, "/posts", null).andExpect(status().isOk()).andExpect(content().string(containsString(ContentForm.BLANK)));
        assertThat(postCount(me)).isZero();
    }

    @Test
    void postsOfMoreThan5000CharactersAreRefusedAndTheTextIsKept() throws Exception {
        var me = newMember("long");
        String tooLong = "x".repeat(4990) + " <b>kept</b>";
        assertThat(tooLong.length()).isEqualTo(5002);
        postAs(me, "/posts", "y".repeat(5001))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(ContentForm.TOO_LONG)));
        postAs(me, "/posts", tooLong)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;b&gt;kept&lt;/b&gt;</textarea>")));
        assertThat(postCount(me)).isZero();

        postAs(me, "/posts", "z".repeat(5000)).andExpect(status().is3xxRedirection());
        // 5,000 characters outside the Basic Multilingual Plane are 5,000 characters, not 10,000.
        postAs(me, "/posts", "🎬".repeat(5000)).andExpect(status().is3xxRedirection());
        assertThat(postCount(me)).isEqualTo(2);
    }

    @Test
    void textIsEscapedAndOnlyWebLinksBecomeLinks() throws Exception {
        var me = newMember("escaper");
        feed.publish(me.id(), "<script>alert(1)</script> <img src=x onerror=alert(2)>\njavascript:alert(3) "
                + "see https://example.com/reel?a=1&b=2");
        mvc.perform(get("/feed").with(user(me)))
                .andExpect(content().string(not(containsString("<script>alert(1)"))))
                .andExpect(content().string(not(containsString("<img src=x"))))
                .andExpect(content().string(not(containsString("href=\"javascript"))))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(containsString(
                        "<a href=\"https://example.com/reel?a=1&amp;b=2\" rel=\"nofollow noopener noreferrer ugc\"")))
                .andExpect(content().string(containsString("class=\"card-text text-prewrap mb-0\"")));
    }

    @Test
    void postingWithoutCsrfIsForbiddenAndChangesNothing() throws Exception {
        var me = newMember("nocsrf");
        long id = feed.publish(me.id(), "Mine");
        mvc.perform(post("/posts").with(user(me)).param("content", "Hi")).andExpect(status().isForbidden());
        mvc.perform(post("/posts/" + id + "/comments").with(user(me)).param("content", "Hi")).andExpect(status().isForbidden());
        mvc.perform(post("/posts/" + id + "/delete").with(user(me))).andExpect(status().isForbidden());
        assertThat(postCount(me)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from comment where post_id = ?", Long.class, id)).isZero();
    }

    // --- the post page: visibility matrix -----------------------------------------------------

    @Test
    void authorAndConnectionsSeeThePostOthersGet404() throws Exception {
        Cast c = cast();
        String url = "/posts/" + c.postId();
        mvc.perform(get(url).with(user(c.author()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Wrapped day 12 of the shoot!")))
                .andExpect(content().string(containsString("data-action=\"delete-post\"")));
        mvc.perform(get(url).with(user(c.friend()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Wrapped day 12 of the shoot!")))
                .andExpect(content().string(not(containsString("data-action=\"delete-post\""))));
        mvc.perform(get(url).with(user(c.stranger()))).andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("Wrapped day 12"))));
        mvc.perform(get(url).with(user(c.former()))).andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("Wrapped day 12"))));
        mvc.perform(get(url)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void onlyTheAuthorAndConnectionsMayComment() throws Exception {
        Cast c = cast();
        String url = "/posts/" + c.postId() + "/comments";
        var before = everything();
        postAs(c.stranger(), url, "Let me in").andExpect(status().isNotFound());
        postAs(c.former(), url, "Still here?").andExpect(status().isNotFound());
        // Invalid input does not reveal the post either.
        postAs(c.stranger(), url, "").andExpect(status().isNotFound());
        mvc.perform(post(url).param("content", "anon").with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(everything()).isEqualTo(before);

        postAs(c.friend(), url, "Congrats!")
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/posts/" + c.postId() + "#comment-*"));
        postAs(c.author(), url, "Thanks <3").andExpect(status().is3xxRedirection());
        mvc.perform(get("/posts/" + c.postId()).with(user(c.friend())))
                .andExpect(content().string(containsString("Congrats!")))
                .andExpect(content().string(containsString("Thanks &lt;3")))
                .andExpect(content().string(containsString("data-comment-count=\"2\"")));
        mvc.perform(get("/feed").with(user(c.friend())))
                .andExpect(content().string(containsString("data-comment-count=\"2\"")))
                .andExpect(content().string(containsString("Congrats!")));
    }

    @Test
    void invalidCommentsReRenderThePostWithTheMessage() throws Exception {
        Cast c = cast();
        String url = "/posts/" + c.postId() + "/comments";
        postAs(c.friend(), url, "  ").andExpect(status().isOk())
                .andExpect(content().string(containsString(ContentForm.BLANK)))
                .andExpect(content().string(containsString("Wrapped day 12 of the shoot!")));
        postAs(c.friend(), url, "c".repeat(5001)).andExpect(status().isOk())
                .andExpect(content().string(containsString(ContentForm.TOO_LONG)))
                .andExpect(content().string(containsString("c".repeat(5001) + "</textarea>")));
        assertThat(jdbc.queryForObject("select count(*) from comment where post_id = ?", Long.class, c.postId())).isZero();
    }

    @Test
    void missingAndMalformedPostIdsAreNotFoundOrBadRequestNever500() throws Exception {
        var me = newMember("ids");
        mvc.perform(get("/posts/999999999").with(user(me))).andExpect(status().isNotFound());
        mvc.perform(get("/posts/-1").with(user(me))).andExpect(status().isNotFound());
        mvc.perform(get("/posts/abc").with(user(me))).andExpect(status().is4xxClientError());
        mvc.perform(get("/posts/99999999999999999999999").with(user(me))).andExpect(status().is4xxClientError());
        postAs(me, "/posts/abc/comments", "hi").andExpect(status().is4xxClientError());
        postAs(me, "/posts/abc/delete", null).andExpect(status().is4xxClientError());
        postAs(me, "/comments/abc/delete", null).andExpect(status().is4xxClientError());
        postAs(me, "/posts/999999999/comments", "hi").andExpect(status().isNotFound());
        postAs(me, "/posts/999999999/delete", null).andExpect(status().isNotFound());
        postAs(me, "/comments/999999999/delete", null).andExpect(status().isNotFound());
    }

    // --- deleting ----------------------------------------------------------------------------

    @Test
    void onlyTheAuthorDeletesAPostAndItsCommentsGoWithIt() throws Exception {
        Cast c = cast();
        feed.comment(c.friend().id(), c.postId(), "Nice");
        var before = everything();
        for (CurrentMember other : List.of(c.friend(), c.stranger(), c.former())) {
            postAs(other, "/posts/" + c.postId() + "/delete", null).andExpect(status().isNotFound());
        }
        assertThat(everything()).isEqualTo(before);

        postAs(c.author(), "/posts/" + c.postId() + "/delete", null)
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/feed"))
                .andExpect(flash().attributeExists("success"));
        assertThat(jdbc.queryForObject("select count(*) from post where id = ?", Long.class, c.postId())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from comment where post_id = ?", Long.class, c.postId())).isZero();
        mvc.perform(get("/posts/" + c.postId()).with(user(c.author()))).andExpect(status().isNotFound());
    }

    @Test
    void theCommentsAuthorOrThePostsAuthorDeletesAComment() throws Exception {
        Cast c = cast();
        var otherFriend = newMember("ofelia");
        connect(otherFriend, c.author());
        long byFriend = feed.comment(c.friend().id(), c.postId(), "First!");
        long byOther = feed.comment(otherFriend.id(), c.postId(), "Second");

        var before = everything();
        // Another commenter, a stranger, a former connection: not theirs.
        postAs(otherFriend, "/comments/" + byFriend + "/delete", null).andExpect(status().isNotFound());
        postAs(c.stranger(), "/comments/" + byFriend + "/delete", null).andExpect(status().isNotFound());
        postAs(c.former(), "/comments/" + byFriend + "/delete", null).andExpect(status().isNotFound());
        assertThat(everything()).isEqualTo(before);

        mvc.perform(get("/posts/" + c.postId()).with(user(c.friend())))
                .andExpect(content().string(containsString("action=\"/comments/" + byFriend + "/delete\"")))
                .andExpect(content().string(not(containsString("action=\"/comments/" + byOther + "/delete\""))));
        mvc.perform(get("/posts/" + c.postId()).with(user(c.author())))
                .andExpect(content().string(containsString("action=\"/comments/" + byOther + "/delete\"")));

        postAs(c.friend(), "/comments/" + byFriend + "/delete", null)
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/posts/" + c.postId() + "#comments"));
        postAs(c.author(), "/comments/" + byOther + "/delete", null).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from comment where post_id = ?", Long.class, c.postId())).isZero();
    }

    @Test
    void theApiAppliesTheSameRules() {
        Cast c = cast();
        assertThatThrownBy(() -> feed.publish(c.author().id(), " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> feed.publish(c.author().id(), "a".repeat(5001))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> feed.comment(c.stranger().id(), c.postId(), "hi"))
                .isInstanceOf(com.moviepeople.shared.NotFoundException.class);
        assertThat(feed.hasTextPosts()).isTrue();
    }

    @Test
    void deletingAMemberTakesTheirPostsAndCommentsAlong() throws Exception {
        Cast c = cast();
        long friendsPost = feed.publish(c.friend().id(), "Bye");
        feed.comment(c.friend().id(), c.postId(), "A comment that goes");
        mvc.perform(post("/settings/delete-account").with(user(c.friend())).with(csrf()).param("password", PASSWORD))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from post where id = ?", Long.class, friendsPost)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from comment where post_id = ?", Long.class, c.postId())).isZero();
        mvc.perform(get("/posts/" + c.postId()).with(user(c.author()))).andExpect(status().isOk())
                .andExpect(content().string(containsString("No comments yet")));
    }
}
