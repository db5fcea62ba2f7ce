package com.moviepeople.config;

import com.moviepeople.IntegrationTest;
import com.moviepeople.feed.Feed;
import com.moviepeople.shared.CurrentMember;
import com.moviepeople.shared.RateLimiter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Short-window limits per member on every write and on search, with the numbers of
 * application.properties: one request over the limit gets the 429 page and stores nothing.
 * Stored (daily) limits are never taken inside a transaction, where they would hold a second
 * pooled connection.
 */
@TestPropertySource(properties = { // the real limits (see theLimitsAreThoseOfApplicationProperties), over the suite's raised ones
        "moviepeople.burst-limits.messages-burst=30/1m", "moviepeople.burst-limits.posts-burst=10/1m",
        "moviepeople.burst-limits.comments-burst=10/1m", "moviepeople.burst-limits.portfolio-items-burst=10/1m",
        "moviepeople.burst-limits.reports-burst=5/1m", "moviepeople.burst-limits.connection-requests-burst=20/1m",
        "moviepeople.burst-limits.searches-burst=60/1m", "moviepeople.burst-limits.availability-burst=30/1m",
        "moviepeople.burst-limits.applause-burst=60/1m", "moviepeople.burst-limits.pictures-burst=10/1m"})
class BurstLimitIntegrationTests extends IntegrationTest {

    @Autowired
    Feed feed;

    @Autowired
    RateLimiter rateLimiter;

    @Autowired
    TransactionTemplate transactions;

    /** Sends {@code allowed} requests that must pass, then one that must be refused with 429. */
    private void limitedAfter(int allowed, CurrentMember me, java.util.function.IntFunction<MockHttpServletRequestBuilder> request)
            throws Exception {
        for (int i = 0; i < allowed; i++) {
            int status = mvc.perform(request.apply(i).with(user(me)).with(csrf())).andReturn().getResponse().getStatus();
            assertThat(status).as("request %d", i + 1).isLessThan(400);
        }
        var refused = mvc.perform(request.apply(allowed).with(user(me)).with(csrf())).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(429);
    }

    private long count(String sql, long memberId) {
        return jdbc.queryForObject(sql, Long.class, memberId);
    }

    @Test
    void thirtyMessagesAMinute() throws Exception {
        CurrentMember anna = newMember("anna");
        CurrentMember ben = newMember("ben");
        connect(anna, ben);
        limitedAfter(30, anna, i -> post("/messages/" + ben.username()).param("content", "Take " + i));
        assertThat(count("select count(*) from message where sender_id = ?", anna.id())).isEqualTo(30);
    }

    @Test
    void tenPostsAndTenCommentsAMinute() throws Exception {
        CurrentMember anna = newMember("anna");
        limitedAfter(10, anna, i -> post("/posts").param("content", "Call sheet " + i));
        assertThat(count("select count(*) from post where author_id = ?", anna.id())).isEqualTo(10);
        long postId = feed.publish(anna.id(), "Wrap party on Friday");
        limitedAfter(10, anna, i -> post("/posts/" + postId + "/comments").param("content", "Note " + i));
        assertThat(count("select count(*) from comment where author_id = ?", anna.id())).isEqualTo(10);
    }

    @Test
    void tenPortfolioItemsAMinute() throws Exception {
        CurrentMember anna = newMember("anna");
        limitedAfter(10, anna, i -> post("/portfolio").param("title", "Short " + i).param("description", "")
                .param("mediaUrl", "").param("year", "2024").param("creditRole", "Editor"));
        assertThat(count("select count(*) from portfolio_item where owner_id = ?", anna.id())).isEqualTo(10);
    }

    @Test
    void fiveReportsAMinute() throws Exception {
        CurrentMember anna = newMember("anna");
        CurrentMember[] others = new CurrentMember[6];
        for (int i = 0; i < others.length; i++) {
            others[i] = newMember("other");
        }
        limitedAfter(5, anna, i -> post("/reports").param("targetType", "member").param("targetId", String.valueOf(others[i].id()))
                .param("reason", "This profile copies someone else's credits.").param("category", "spam"));
        assertThat(count("select count(*) from report where reporter_id = ?", anna.id())).isEqualTo(5);
    }

    @Test
    void twentyConnectionRequestsAMinute() throws Exception {
        CurrentMember anna = newMember("anna");
        CurrentMember[] others = new CurrentMember[21];
        for (int i = 0; i < others.length; i++) {
            others[i] = newMember("crew");
        }
        limitedAfter(20, anna, i -> post("/connections/request/" + others[i].username()));
        assertThat(count("select count(*) from connection where requester_id = ?", anna.id())).isEqualTo(20);
    }

    @Test
    void thirtyAvailabilityChangesAMinute() throws Exception {
        CurrentMember anna = newMember("anna");
        java.time.LocalDate start = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(10);
        limitedAfter(30, anna, i -> post("/availability").param("startDate", start.plusDays(i).toString())
                .param("endDate", start.plusDays(i).toString()).param("status", "available"));
        assertThat(count("select count(*) from availability_range where member_id = ?", anna.id())).isEqualTo(30);
    }

    @Test
    void sixtyApplauseTogglesAMinute() throws Exception {
        CurrentMember anna = newMember("anna");
        long postId = feed.publish(anna.id(), "Applaud me");
        limitedAfter(60, anna, i -> post("/posts/" + postId + "/applaud"));
        // 60 toggles: back where it started; the 61st changed nothing.
        assertThat(count("select count(*) from post_applause where member_id = ?", anna.id())).isZero();
    }

    @Test
    void tenPictureChangesAMinute() throws Exception {
        CurrentMember anna = newMember("anna");
        byte[] photo = com.moviepeople.media.TestPictures.png(120, 120);
        // Uploads and removals share the limit.
        limitedAfter(10, anna, i -> post("/profile/photo/delete"));
        // The 11th upload is refused before its file is read: nothing stored.
        var refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/profile/photo")
                .file(new org.springframework.mock.web.MockMultipartFile("photo", "a.png", "image/png", photo))
                .with(user(anna)).with(csrf())).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(count("select count(*) from media_object where owner_id = ?", anna.id())).isZero();
    }

    @Test
    void sixtySearchesAMinuteWithoutWritingAnything() throws Exception {
        CurrentMember anna = newMember("anna");
        queries.clearWrites();
        for (int i = 0; i < 60; i++) {
            assertThat(mvc.perform(get("/search").param("q", "editor " + i).with(user(anna))).andReturn().getResponse().getStatus())
                    .isEqualTo(200);
        }
        assertThat(mvc.perform(get("/search").param("q", "one more").with(user(anna))).andReturn().getResponse().getStatus())
                .isEqualTo(429);
        // (MockMvc requests have no stored session, so each makes one; only the session store may write.)
        assertThat(queries.writes()).as("a search writes nothing, not even its limit")
                .allMatch(sql -> sql.toUpperCase().contains("SPRING_SESSION") || sql.contains("synchronous_commit"));
    }

    @Test
    void theLimitsAreThoseOfApplicationProperties() throws Exception {
        java.util.Properties shipped = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/application.properties")) {
            shipped.load(in);
        }
        String[] tested = BurstLimitIntegrationTests.class.getAnnotation(TestPropertySource.class).properties();
        assertThat(tested).hasSize(10);
        for (String setting : tested) {
            String[] keyValue = setting.split("=", 2);
            assertThat(shipped.getProperty(keyValue[0])).as(keyValue[0]).isEqualTo(keyValue[1]);
        }
    }

    @Test
    void storedLimitsRefuseToRunInsideATransaction() {
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> rateLimiter.tryConsume("posts-per-member", "1")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("before the transaction");
        assertThat(rateLimiter.tryConsume("posts-per-member", "burst-test-" + System.nanoTime())).isTrue();
    }
}
