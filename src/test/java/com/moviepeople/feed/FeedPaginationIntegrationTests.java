package com.moviepeople.feed;

import com.moviepeople.shared.KeysetCursor;

import com.moviepeople.IntegrationTest;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Cursor paging of the feed and of comments, forged cursors, and a constant number of queries per page. */
class FeedPaginationIntegrationTests extends IntegrationTest {

    private static final Pattern POST_ID = Pattern.compile("<article [^>]*data-post-id=\"(\\d+)\"");
    private static final Pattern COMMENT_ID = Pattern.compile("<article [^>]*data-comment-id=\"(\\d+)\"");
    private static final Pattern NEXT = Pattern.compile("data-next-cursor=\"([^\"]+)\"");
    private static final Pattern EARLIER = Pattern.compile("data-earlier-cursor=\"([^\"]+)\"");

    @Autowired
    Feed feed;

    private static List<Long> ids(Pattern pattern, String html) {
        List<Long> ids = new ArrayList<>();
        Matcher m = pattern.matcher(html);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    private static String cursor(Pattern pattern, String html) {
        Matcher m = pattern.matcher(html);
        return m.find() ? m.group(1) : null;
    }

    private String page(CurrentMember me, String url) throws Exception {
        return mvc.perform(get(url).with(user(me))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void walksFortyFivePostsWithoutRepeatsOrGapsWhileNewPostsArrive() throws Exception {
        var me = newMember("reader");
        var anna = newMember("anna");
        var ben = newMember("ben");
        var stranger = newMember("stranger");
        connect(me, anna);
        connect(ben, me);
        List<CurrentMember> authors = List.of(me, anna, ben);
        Instant base = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 45; i++) {
            // Every third pair of posts shares a timestamp: the id breaks the tie.
            Instant at = base.plusSeconds(60L * (i - i % 2));
            feed.publish(authors.get(i % 3).id(), "Post number " + i, at);
            feed.publish(stranger.id(), "Stranger " + i, at);
        }
        List<Long> expected = jdbc.queryForList("""
                select id from post where author_id in (?, ?, ?) order by created_at desc, id desc""",
                Long.class, me.id(), anna.id(), ben.id());
        assertThat(expected).hasSize(45);

        List<Long> seen = new ArrayList<>();
        String html = page(me, "/feed");
        List<Long> first = ids(POST_ID, html);
        assertThat(first).hasSize(20);
        seen.addAll(first);
        String next = cursor(NEXT, html);
        // New posts arrive while the member reads: the next pages neither shift nor repeat.
        long fresh = feed.publish(anna.id(), "Breaking news");
        feed.publish(me.id(), "My own news");
        int pages = 1;
        while (next != null) {
            html = page(me, "/feed?before=" + next);
            seen.addAll(ids(POST_ID, html));
            next = cursor(NEXT, html);
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(new LinkedHashSet<>(seen)).hasSize(45);
        assertThat(page(me, "/feed")).contains("data-post-id=\"" + fresh + "\"");
    }

    @Test
    void htmxGetsOnlyTheNextPageFragment() throws Exception {
        var me = newMember("htmx");
        for (int i = 0; i < 25; i++) {
            feed.publish(me.id(), "Post " + i, Instant.now().minusSeconds(1000 - i));
        }
        String html = page(me, "/feed");
        assertThat(html).contains("data-hx-get=\"/feed?before=").contains("data-hx-swap=\"outerHTML\"");
        String next = cursor(NEXT, html);
        String fragment = mvc.perform(get("/feed").param("before", next).header("HX-Request", "true").with(user(me)))
                .andExpect(status().isOk())
                .andExpect(header().string("Vary", containsString("HX-Request")))
                .andReturn().getResponse().getContentAsString();
        assertThat(fragment).doesNotContain("<html").doesNotContain("name=\"content\"");
        assertThat(ids(POST_ID, fragment)).hasSize(5);
        assertThat(cursor(NEXT, fragment)).isNull();
        // Without htmx the same link is a whole page.
        String full = page(me, "/feed?before=" + next);
        assertThat(full).contains("<html").contains("name=\"content\"").doesNotContain("data-feed-empty");
        assertThat(ids(POST_ID, full)).isEqualTo(ids(POST_ID, fragment));
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "%%%", "MTIzLmFiYw", "LTEuMQ", "OTk5OTk5OTk5OTk5OTk5OTk5OTkuMQ", "' or 1=1 --"})
    void forgedCursorsShowTheFirstPage(String before) throws Exception {
        var me = newMember("forger");
        long newest = feed.publish(me.id(), "Newest");
        mvc.perform(get("/feed").param("before", before).with(user(me)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-post-id=\"" + newest + "\"")));
        mvc.perform(get("/feed").param("before", "x".repeat(10_000)).with(user(me)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-post-id=\"" + newest + "\"")));
        mvc.perform(get("/posts/" + newest).param("before", before).with(user(me))).andExpect(status().isOk());
    }

    @Test
    void aCursorFromLongAgoShowsTheEndNotAnError() throws Exception {
        var me = newMember("ancient");
        feed.publish(me.id(), "Recent");
        String old = new KeysetCursor(Instant.parse("2001-01-01T00:00:00Z"), 1).encode();
        mvc.perform(get("/feed").param("before", old).with(user(me)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-feed-end")))
                .andExpect(content().string(not(containsString("data-post-id"))));
    }

    @Test
    void thePostPageShowsTheLatestFiftyCommentsAndLeadsToEarlierOnes() throws Exception {
        var me = newMember("talker");
        long post = feed.publish(me.id(), "Discuss");
        Instant base = Instant.now().minus(1, ChronoUnit.DAYS);
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            all.add(feed.comment(me.id(), post, "Comment " + i, base.plusSeconds(i / 3))); // ties too
        }
        String html = page(me, "/posts/" + post);
        assertThat(html).contains("data-comment-count=\"120\"");
        List<Long> seen = new ArrayList<>(ids(COMMENT_ID, html));
        assertThat(seen).containsExactlyElementsOf(all.subList(70, 120));
        String earlier = cursor(EARLIER, html);
        while (earlier != null) {
            String fragment = mvc.perform(get("/posts/" + post).param("before", earlier).header("HX-Request", "true")
                    .with(user(me))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(fragment).doesNotContain("<html");
            seen.addAll(0, ids(COMMENT_ID, fragment));
            earlier = cursor(EARLIER, fragment);
        }
        assertThat(seen).containsExactlyElementsOf(all);
        // The feed shows the newest three, oldest of them first, and the total.
        String feedHtml = page(me, "/feed");
        assertThat(feedHtml).contains("View all 120 comments").contains("Comment 117").contains("Comment 119")
                .doesNotContain("Comment 116<");
    }

    // --- no N+1 --------------------------------------------------------------------------------

    /** A member connected to {@code authors} members, each with a post and two comments. */
    private CurrentMember networkWith(int authors) {
        var me = newMember("counter");
        for (int i = 0; i < authors; i++) {
            var other = newMember("net");
            connect(other, me);
            long post = feed.publish(other.id(), "Post by " + other.username());
            feed.comment(me.id(), post, "Nice one");
            feed.comment(other.id(), post, "Thanks!");
        }
        return me;
    }

    private long statementsFor(CurrentMember me, String url) throws Exception {
        page(me, url); // warm up: sessions, caches
        queries.reset();
        mvc.perform(get(url).with(user(me))).andExpect(status().isOk());
        return queries.count();
    }

    @Test
    void theFeedRunsTheSameNumberOfStatementsForThreeOrThirtyPosts() throws Exception {
        var small = networkWith(3);
        var large = networkWith(30);
        long few = statementsFor(small, "/feed");
        long many = statementsFor(large, "/feed");
        System.out.println("Statements per feed page (3 / 30 posts): " + few + " / " + many);
        assertThat(many).isEqualTo(few);
        assertThat(many).isLessThanOrEqualTo(10);
    }

    @Test
    void thePostPageRunsTheSameNumberOfStatementsForThreeOrThirtyComments() throws Exception {
        var me = newMember("pager");
        var friend = newMember("friend");
        connect(me, friend);
        long small = feed.publish(friend.id(), "Few comments");
        long large = feed.publish(friend.id(), "Many comments");
        for (int i = 0; i < 3; i++) {
            feed.comment(i % 2 == 0 ? me.id() : friend.id(), small, "c" + i);
        }
        for (int i = 0; i < 30; i++) {
            var commenter = newMember("c");
            connect(commenter, friend);
            feed.comment(commenter.id(), large, "c" + i);
        }
        long few = statementsFor(me, "/posts/" + small);
        long many = statementsFor(me, "/posts/" + large);
        System.out.println("Statements per post page (3 / 30 comments): " + few + " / " + many);
        assertThat(many).isEqualTo(few);
        assertThat(many).isLessThanOrEqualTo(10);
    }
}
