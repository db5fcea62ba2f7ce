package com.moviepeople.config;

import com.moviepeople.MoviePeopleApplication;
import com.moviepeople.TestInstances;
import com.moviepeople.accounts.AccountService;
import com.moviepeople.accounts.MemberSummary;
import com.moviepeople.connections.Connections;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app instances on one PostgreSQL, as behind a load balancer: a browser logs in on the first
 * and carries on with the same session on the second; a message sent through one instance reaches
 * live, through PostgreSQL LISTEN/NOTIFY and a server-sent event, a member whose browser holds its
 * event stream on the other.
 */
class TwoInstancesIntegrationTests {

    private static final Duration HEARTBEAT = Duration.ofMillis(500);
    private static final String PASSWORD = "a sensible passphrase";

    private static ConfigurableApplicationContext start() {
        return TestInstances.start("--moviepeople.live-updates.heartbeat=" + HEARTBEAT.toMillis() + "ms");
    }

    private static int port(ConfigurableApplicationContext app) {
        return TestInstances.port(app);
    }

    private static long sessionLastAccess(ConfigurableApplicationContext app, String username) {
        return app.getBean(JdbcTemplate.class).queryForObject(
                "select max(last_access_time) from spring_session where principal_name = ?", Long.class, username);
    }

    @Test
    void aSessionStartedOnOneInstanceContinuesOnTheOtherAndMessagesCrossInstances() throws Exception {
        try (ConfigurableApplicationContext first = start(); ConfigurableApplicationContext second = start()) {
            int a = port(first);
            int b = port(second);

            // The hourly clean-up runs on one of them only (a ShedLock row in the shared database).
            first.getBean(JdbcTemplate.class).update("delete from shedlock");
            assertThat(first.getBean(ScheduledCleanup.class).runIfNoOtherInstanceDid()).isTrue();
            assertThat(second.getBean(ScheduledCleanup.class).runIfNoOtherInstanceDid()).isFalse();

            String suffix = Long.toString(System.nanoTime() % 1_000_000);
            AccountService accounts = first.getBean(AccountService.class);
            MemberSummary anna = accounts.registerVerified("twoi-anna-" + suffix, "twoi-anna-" + suffix + "@example.com", PASSWORD, "Anna");
            MemberSummary ben = accounts.registerVerified("twoi-ben-" + suffix, "twoi-ben-" + suffix + "@example.com", PASSWORD, "Ben");
            MemberSummary carol = accounts.registerVerified("twoi-carol-" + suffix, "twoi-carol-" + suffix + "@example.com", PASSWORD, "Carol");
            Connections connections = first.getBean(Connections.class);
            connections.request(anna.id(), ben.id());
            connections.accept(ben.id(), connections.stateBetween(ben.id(), anna.id()).connectionId());
            connections.request(anna.id(), carol.id());
            connections.accept(carol.id(), connections.stateBetween(carol.id(), anna.id()).connectionId());

            HttpBrowser annasBrowser = new HttpBrowser();
            annasBrowser.logIn(a, anna.username(), PASSWORD);
            // Same session, other instance: the feed opens without logging in again.
            HttpResponse<String> feedOnSecond = annasBrowser.get(b, "/feed");
            assertThat(feedOnSecond.statusCode()).isEqualTo(200);
            assertThat(feedOnSecond.body()).contains("href=\"/people/" + anna.username() + "\"");

            HttpBrowser bensBrowser = new HttpBrowser();
            bensBrowser.logIn(a, ben.username(), PASSWORD);
            assertThat(bensBrowser.get(a, "/messages/" + anna.username()).statusCode()).isEqualTo(200);

            // Anna sends through the second instance (CSRF token from her session, read on the first).
            HttpResponse<String> sent = annasBrowser.post(b, "/messages/" + ben.username(),
                    "content=Call+time+is+6am&_csrf=" + annasBrowser.csrf(a, "/messages/" + ben.username()));
            assertThat(sent.statusCode()).isEqualTo(302);

            // Ben's unread badge on the first instance counts it, and his conversation's fragment there shows it.
            assertThat(bensBrowser.get(a, "/feed").body()).contains("data-unread-messages=\"1\"");
            HttpResponse<String> poll = bensBrowser.get(a, "/messages/" + anna.username() + "/since?after=0");
            assertThat(poll.body()).contains("Call time is 6am");

            // Live: Ben's and Carol's browsers hold their event streams on the second instance…
            HttpBrowser carolsBrowser = new HttpBrowser();
            carolsBrowser.logIn(a, carol.username(), PASSWORD);
            HttpBrowser.EventStream bensStream = bensBrowser.stream(b, "/messages/stream");
            HttpBrowser.EventStream carolsStream = carolsBrowser.stream(b, "/messages/stream");
            assertThat(bensStream.response.statusCode()).isEqualTo(200);
            assertThat(bensStream.response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            // The filters that wrap every request wrap this one too.
            assertThat(bensStream.response.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
            assertThat(bensStream.response.headers().firstValue("X-Request-Id")).isPresent();
            bensStream.await("event:unread\ndata:{\"count\":0}\n", Duration.ofSeconds(5));
            carolsStream.await("event:unread", Duration.ofSeconds(5));

            // …and Anna writes through the first: the second instance's listener hears it and tells Ben's stream.
            HttpResponse<String> live = annasBrowser.post(a, "/messages/" + ben.username(),
                    "content=Bring+the+rushes&_csrf=" + annasBrowser.csrf(a, "/messages/" + ben.username()));
            assertThat(live.statusCode()).isEqualTo(302);
            String received = bensStream.await("event:message\ndata:{\"with\":" + anna.id() + ",\"incoming\":true}\n",
                    Duration.ofSeconds(5));
            assertThat(received).doesNotContain("Bring the rushes");
            assertThat(bensBrowser.get(b, "/messages/" + anna.username() + "/since?after=0").body()).contains("Bring the rushes");
            // Carol is nobody in this conversation: her stream hears nothing of it.
            Thread.sleep(500);
            assertThat(carolsStream.text()).doesNotContain("event:message", "event:read");

            // While streams wait, the second instance holds no pooled connection, and heartbeats
            // (comments every 500 ms here) never save the session in PostgreSQL.
            HikariDataSource pool = second.getBean(DataSource.class).unwrap(HikariDataSource.class);
            long lastAccess = sessionLastAccess(second, carol.username());
            int heartbeatsBefore = carolsStream.text().split("\n:\n", -1).length;
            Thread.sleep(HEARTBEAT.toMillis() * 4);
            assertThat(carolsStream.text().split("\n:\n", -1).length - heartbeatsBefore).as("heartbeats").isGreaterThanOrEqualTo(2);
            assertThat(sessionLastAccess(second, carol.username())).isEqualTo(lastAccess);
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();

            // Shutting the second instance down ends its streams at once (their pages reconnect to
            // another instance) instead of the graceful shutdown waiting for them.
            carolsStream.close();
            long stopping = System.nanoTime();
            second.close();
            assertThat(bensStream.awaitEnd(Duration.ofSeconds(5))).as("stream ended by the shutdown").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(10));
        }
    }
}
