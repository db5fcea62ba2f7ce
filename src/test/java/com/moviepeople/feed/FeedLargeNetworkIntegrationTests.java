package com.moviepeople.feed;

import com.moviepeople.IntegrationTest;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Members with more than FeedService.LARGE_NETWORK connections get the same feed through the other query shape. */
class FeedLargeNetworkIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbcClient;

    @Test
    void bothQueryShapesReturnTheSamePagesAndTheLargeNetworkPageWorks() throws Exception {
        CurrentMember viewer = newMember("hub");
        CurrentMember stranger = newMember("stranger");
        String prefix = networkOf(viewer, FeedService.LARGE_NETWORK + 50);
        jdbc.update("""
                insert into post(author_id, kind, body, created_at)
                select id, 'TEXT', 'post ' || k, now() - (random() * interval '30 days')
                from member cross join generate_series(1, 2) k where username::text like ? || '%' or id in (?, ?)""",
                prefix, viewer.id(), stranger.id());
        jdbc.update("insert into post(author_id, kind, body, created_at) values (?, 'TEXT', 'stranger now', now())", stranger.id());
        jdbc.update("insert into post(author_id, kind, body, created_at) values (?, 'TEXT', 'my own now', now())", viewer.id());
        long strangersPosts = jdbc.queryForObject("select count(*) from post where author_id = ?", Long.class, stranger.id());
        assertThat(strangersPosts).isEqualTo(3);

        Timestamp cursorAt = Timestamp.from(Instant.now().plusSeconds(60));
        long cursorId = Long.MAX_VALUE;
        for (int page = 0; page < 4; page++) {
            List<Long> perAuthor = ids(FeedService.FEED, viewer.id(), cursorAt, cursorId);
            List<Long> byTime = ids(FeedService.FEED_LARGE_NETWORK, viewer.id(), cursorAt, cursorId);
            assertThat(byTime).hasSize(21).isEqualTo(perAuthor);
            assertThat(jdbc.queryForList("select distinct author_id from post where id in (" + join(byTime) + ")", Long.class))
                    .doesNotContain(stranger.id());
            if (page == 0) {
                assertThat(jdbc.queryForObject("select body from post where id = ?", String.class, byTime.get(0))).isEqualTo("my own now");
            }
            long last = perAuthor.get(19);
            cursorAt = jdbc.queryForObject("select created_at from post where id = ?", Timestamp.class, last);
            cursorId = last;
        }
        mvc.perform(get("/feed").with(user(viewer))).andExpect(status().isOk())
                .andExpect(content().string(containsString("my own now")));
    }

    /**
     * A member with a large network gets their feed in as many statements as one with a small
     * network: the large-network statement is planned for its values without a setting of its own
     * (CustomPlans), where it used to be preceded by a {@code plan_cache_mode} statement. Ten pages in
     * a row, beyond the driver's five runs before it prepares a statement on the server, all answer.
     */
    @Test
    void aLargeNetworksFeedRunsNoMoreStatementsThanASmallOnesAndKeepsAnswering() throws Exception {
        CurrentMember hub = newMember("hub");
        CurrentMember small = newMember("small");
        CurrentMember friend = newMember("friend");
        connect(small, friend);
        String prefix = networkOf(hub, FeedService.LARGE_NETWORK + 10);
        jdbc.update("""
                insert into post(author_id, kind, body, created_at)
                select id, 'TEXT', 'network post ' || id, now() - (random() * interval '30 days')
                from member where username::text like ? || '%'""", prefix);
        jdbc.update("insert into post(author_id, kind, body, created_at) values (?, 'TEXT', 'a friend posts', now())", friend.id());

        long smallCount = statementsForFeed(small);
        long hubCount = statementsForFeed(hub);
        System.out.println("Statements per feed page (small / large network): " + smallCount + " / " + hubCount);
        assertThat(hubCount).isEqualTo(smallCount);
        for (int i = 0; i < 10; i++) {
            mvc.perform(get("/feed").with(user(hub))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("network post")));
        }
    }

    /**
     * {@code size} new members in {@code viewer}'s network, written as SQL (set-up only): their
     * usernames start with the prefix returned.
     */
    private String networkOf(CurrentMember viewer, int size) {
        String prefix = "ln" + (System.nanoTime() % 1_000_000) + "x";
        jdbc.update("""
                insert into member(username, email, password_hash, display_name)
                select ? || i, ? || i || '@example.com', 'x', 'Net ' || i from generate_series(1, ?) i""", prefix, prefix, size);
        // The network as the feed keeps it (FeedNetworkUpdater writes these rows for accepted connections).
        jdbc.update("""
                insert into feed_network(member_id, author_id)
                select ?, id from member where username::text like ? || '%'""", viewer.id(), prefix);
        return prefix;
    }

    private long statementsForFeed(CurrentMember me) throws Exception {
        mvc.perform(get("/feed").with(user(me))).andExpect(status().isOk()); // warm-up: caches
        queries.reset();
        mvc.perform(get("/feed").with(user(me))).andExpect(status().isOk());
        return queries.count();
    }

    private static String join(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    private List<Long> ids(String sql, long me, Timestamp at, long id) {
        return jdbcClient.sql(sql).param("me", me).param("blocked", new long[0]).param("at", at).param("id", id)
                .param("n", 21).query((rs, n) -> rs.getLong("id")).list();
    }
}
