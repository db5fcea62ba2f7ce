package com.moviepeople.feed;

import com.moviepeople.IntegrationTest;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Members with more than FeedService.LARGE_NETWORK connections get the same feed through the other query shape. */
class FeedLargeNetworkIntegrationTests extends IntegrationTest {

    @Test
    void bothQueryShapesReturnTheSamePagesAndTheLargeNetworkPageWorks() throws Exception {
        CurrentMember viewer = newMember("hub");
        String prefix = "ln" + (System.nanoTime() % 1_000_000) + "x";
        int others = FeedService.LARGE_NETWORK + 50;
        jdbc.update("""
                insert into member(username, email, password_hash, display_name)
                select ? || i, ? || i || '@example.com', 'x', 'Net ' || i from generate_series(1, ?) i""", prefix, prefix, others);
        jdbc.update("""
                insert into connection(requester_id, receiver_id, status, created_at, responded_at)
                select id, ?, 'ACCEPTED', now(), now() from member where username::text like ? || '%'""", viewer.id(), prefix);
        jdbc.update("""
                insert into post(author_id, kind, body, created_at)
                select id, 'TEXT', 'post ' || k, now() - (random() * interval '30 days')
                from member cross join generate_series(1, 2) k where username::text like ? || '%'""", prefix);
        Long[] authors = jdbc.queryForList("""
                select id from member where username::text like ? || '%' union select ?""", Long.class, prefix, viewer.id())
                .toArray(Long[]::new);
        assertThat(authors.length).isGreaterThan(FeedService.LARGE_NETWORK);

        Timestamp cursorAt = Timestamp.from(Instant.now().plusSeconds(60));
        long cursorId = Long.MAX_VALUE;
        for (int page = 0; page < 4; page++) {
            List<Long> perAuthor = ids(FeedService.FEED, authors, cursorAt, cursorId);
            List<Long> byTime = ids(FeedService.FEED_LARGE_NETWORK, authors, cursorAt, cursorId);
            assertThat(byTime).hasSize(21).isEqualTo(perAuthor);
            long last = perAuthor.get(19);
            cursorAt = jdbc.queryForObject("select created_at from post where id = ?", Timestamp.class, last);
            cursorId = last;
        }
        mvc.perform(get("/feed").with(user(viewer))).andExpect(status().isOk());
    }

    private List<Long> ids(String sql, Long[] authors, Timestamp at, long id) {
        String named = sql.replace(":authors", "?").replace(":at", "?").replace(":id", "?").replace(":n", "?");
        // Parameters appear in this order in both queries: at, id, authors, n (per-author: authors, at, id, n, n).
        if (sql.equals(FeedService.FEED)) {
            return jdbc.query(named, (rs, n) -> rs.getLong("id"), authors, at, id, 21, 21);
        }
        return jdbc.query(named, (rs, n) -> rs.getLong("id"), at, id, authors, 21);
    }
}
