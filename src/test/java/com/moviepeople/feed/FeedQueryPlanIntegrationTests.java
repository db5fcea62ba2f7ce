package com.moviepeople.feed;

import com.moviepeople.shared.KeysetCursor;

import com.moviepeople.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed query's plan on a database of 200,000 posts by 400 authors, for a member with 200
 * connections: it must read each author's newest posts from the (author_id, created_at desc, id desc)
 * index (the LATERAL shape), never scan the post table, and stay fast on later pages too.
 */
class FeedQueryPlanIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbcClient;

    @AfterEach
    void removeTheGeneratedData() {
        cleanDatabase();
    }

    private List<String> explain(String feed, long viewer, KeysetCursor cursor) {
        return jdbcClient.sql("explain (analyze, buffers) " + feed)
                .param("me", viewer)
                .param("blocked", new long[0])
                .param("at", cursor.at().atOffset(ZoneOffset.UTC))
                .param("id", cursor.id())
                .param("n", FeedService.POSTS_PER_PAGE + 1)
                .query(String.class).list();
    }

    @Test
    void readsTheNewestPostsOfEachAuthorFromTheIndex() {
        jdbc.execute("""
                insert into member (username, email, password_hash, display_name)
                select 'plan' || g, 'plan' || g || '@example.com', 'x', 'Plan ' || g from generate_series(1, 400) g""");
        jdbc.execute("""
                insert into post (author_id, kind, body, created_at)
                select m.id, 'TEXT', 'Post ' || g, now() - (g % 525600) * interval '1 minute'
                from generate_series(1, 200000) g
                join member m on m.username = 'plan' || (1 + g % 400)""");
        jdbc.execute("vacuum analyze post");
        long viewer = jdbc.queryForObject("select min(id) from member where username like 'plan%'", Long.class);
        jdbc.update("""
                insert into feed_network (member_id, author_id)
                select ?, id from member where username like 'plan%' and id <> ? order by id limit 200""", viewer, viewer);
        jdbc.execute("vacuum analyze feed_network");

        List<String> first = explain(FeedService.FEED, viewer, KeysetCursor.START);
        System.out.println("EXPLAIN first page, 200 authors, 200k posts:\n" + String.join("\n", first));
        assertThat(String.join("\n", first)).contains("post_author_created_idx").doesNotContainPattern("Seq Scan on post\\b(?!_)");

        // A page deep in the past: still an index scan per author, starting at the cursor.
        var deep = jdbc.queryForMap("select created_at, id from post order by created_at, id offset 5000 limit 1");
        KeysetCursor cursor = new KeysetCursor(((java.sql.Timestamp) deep.get("created_at")).toInstant(), (Long) deep.get("id"));
        List<String> later = explain(FeedService.FEED, viewer, cursor);
        System.out.println("EXPLAIN deep page:\n" + String.join("\n", later));
        assertThat(String.join("\n", later)).contains("post_author_created_idx").doesNotContainPattern("Seq Scan on post\\b(?!_)");
    }

    /**
     * A network of half the members (the shape of the most-connected members): the large-network
     * statement walks the newest posts (post_created_idx) and probes feed_network's primary key once
     * per post, stopping after one page. It never reads the whole network, nor the whole post table.
     */
    @Test
    void walksTheNewestPostsAndProbesTheNetworkForLargeNetworks() {
        jdbc.execute("""
                insert into member (username, email, password_hash, display_name)
                select 'plan' || g, 'plan' || g || '@example.com', 'x', 'Plan ' || g from generate_series(1, 4000) g""");
        jdbc.execute("""
                insert into post (author_id, kind, body, created_at)
                select m.id, 'TEXT', 'Post ' || g, now() - (g % 525600) * interval '1 minute'
                from generate_series(1, 100000) g
                join member m on m.username = 'plan' || (1 + g % 4000)""");
        long viewer = jdbc.queryForObject("select min(id) from member where username like 'plan%'", Long.class);
        jdbc.update("""
                insert into feed_network (member_id, author_id)
                select ?, id from member where username like 'plan%' and id % 2 = 0 and id <> ?""", viewer, viewer);
        jdbc.execute("vacuum analyze post");
        jdbc.execute("vacuum analyze feed_network");

        List<String> plan = jdbcClient.sql("explain (analyze, buffers) " + FeedService.FEED_LARGE_NETWORK)
                .param("me", viewer).param("blocked", new long[0])
                .param("at", KeysetCursor.START.at().atOffset(ZoneOffset.UTC)).param("id", KeysetCursor.START.id())
                .param("n", FeedService.POSTS_PER_PAGE + 1).query(String.class).list();
        String text = String.join("\n", plan);
        System.out.println("EXPLAIN large network (2,000 of 4,000 members), 100k posts:\n" + text);
        assertThat(text).contains("Index Scan using post_created_idx on post")
                .doesNotContainPattern("Seq Scan on post\\b(?!_)").doesNotContain("Seq Scan on feed_network")
                .doesNotContain("hashed SubPlan").doesNotContain("Sort");
        // The network probe is keyed on both columns (no scan through an author's followers).
        assertThat(text).containsPattern("Index (Only )?Scan using feed_network_\\w+ on feed_network n")
                .containsPattern("Index Cond: \\(\\((member_id|author_id) = [^)]+\\) AND \\((member_id|author_id) = ")
                .doesNotContain("Filter: (member_id");
    }
}
