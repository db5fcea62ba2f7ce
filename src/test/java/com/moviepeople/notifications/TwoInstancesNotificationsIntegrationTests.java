package com.moviepeople.notifications;

import com.moviepeople.MoviePeopleApplication;
import com.moviepeople.TestInstances;
import com.moviepeople.accounts.AccountService;
import com.moviepeople.accounts.MemberSummary;
import com.moviepeople.config.HttpBrowser;
import com.moviepeople.connections.Connections;
import com.moviepeople.feed.Feed;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two app instances on one PostgreSQL: a comment made through one lights the bell of a page whose
 * event stream is held by the other, and the daily digest, started on both at once, mails each
 * member once.
 */
class TwoInstancesNotificationsIntegrationTests {

    private static final String PASSWORD = "a sensible passphrase";

    private static ConfigurableApplicationContext start() {
        return TestInstances.start("--moviepeople.notifications.digest-hour=0", "--moviepeople.live-updates.heartbeat=500ms");
    }

    private static int port(ConfigurableApplicationContext app) {
        return TestInstances.port(app);
    }

    @Test
    void theBellLightsAcrossInstancesAndTheDigestGoesOutOnceFromTwo() throws Exception {
        try (ConfigurableApplicationContext first = start(); ConfigurableApplicationContext second = start()) {
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            String suffix = Long.toString(System.nanoTime() % 1_000_000);
            AccountService accounts = first.getBean(AccountService.class);
            Connections connections = first.getBean(Connections.class);
            Feed feed = first.getBean(Feed.class);
            MemberSummary anna = accounts.registerVerified("twon-anna-" + suffix, "twon-anna-" + suffix + "@example.com", PASSWORD, "Anna");
            List<MemberSummary> crew = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                MemberSummary m = accounts.registerVerified("twon-crew" + i + "-" + suffix, "twon-crew" + i + "-" + suffix + "@example.com",
                        PASSWORD, "Crew " + i);
                connections.request(anna.id(), m.id());
                connections.accept(m.id(), connections.stateBetween(m.id(), anna.id()).connectionId());
                crew.add(m);
            }
            MemberSummary ben = crew.get(0);

            // Ben's page holds its event stream on the second instance; Anna comments through the first.
            HttpBrowser bensBrowser = new HttpBrowser();
            bensBrowser.logIn(port(first), ben.username(), PASSWORD);
            HttpBrowser.EventStream bensStream = bensBrowser.stream(port(second), "/messages/stream");
            bensStream.await("event:unread", Duration.ofSeconds(5));
            long post = feed.publish(ben.id(), "Location scout photos");
            HttpBrowser annasBrowser = new HttpBrowser();
            annasBrowser.logIn(port(first), anna.username(), PASSWORD);
            HttpResponse<String> commented = annasBrowser.post(port(first), "/posts/" + post + "/comments",
                    "content=Love+the+barn&_csrf=" + annasBrowser.csrf(port(first), "/posts/" + post));
            assertThat(commented.statusCode()).isEqualTo(302);
            String event = bensStream.await("event:notice", Duration.ofSeconds(10));
            assertThat(event).doesNotContain("Love the barn");
            // The bell, fetched from either instance, counts it.
            assertThat(bensBrowser.get(port(second), "/notifications/badge").body()).contains("data-unread-notifications=\"");
            await().atMost(Duration.ofSeconds(5)).until(() -> bensBrowser.get(port(second), "/feed").body()
                    .contains("data-unread-notifications=\"" + unread(jdbc, ben.id()) + "\"") && unread(jdbc, ben.id()) >= 1);
            bensStream.close();

            // Something new for every crew member, then both instances start the digest at once.
            for (MemberSummary m : crew.subList(1, crew.size())) {
                feed.comment(anna.id(), feed.publish(m.id(), "Call sheet " + m.username()), "Seen");
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> crew.stream().allMatch(m -> unread(jdbc, m.id()) >= 1));
            Instant now = Instant.now();
            jdbc.update("delete from shedlock where name = ?", NotificationDigest.LOCK_NAME);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<NotificationDigest.Run>> runs = pool.invokeAll(List.<Callable<NotificationDigest.Run>>of(
                        () -> first.getBean(NotificationDigest.class).runIfNoOtherInstanceIs(now),
                        () -> second.getBean(NotificationDigest.class).runIfNoOtherInstanceIs(now)));
                assertThat(runs.get(0).get().ran() ^ runs.get(1).get().ran()).as("one instance ran it").isTrue();
                // Even without the lock, the two at once mail nobody twice.
                jdbc.update("update notification_setting set digest_on = null, digest_through = null where member_id = any(?)",
                        (Object) crew.stream().map(MemberSummary::id).toArray(Long[]::new));
                jdbc.update("delete from notification_mail where recipient_id = any(?)",
                        (Object) crew.stream().map(MemberSummary::id).toArray(Long[]::new));
                pool.invokeAll(List.<Callable<NotificationDigest.Run>>of(
                        () -> first.getBean(NotificationDigest.class).run(now),
                        () -> second.getBean(NotificationDigest.class).run(now)));
            } finally {
                pool.shutdownNow();
            }
            for (MemberSummary m : crew) {
                assertThat(jdbc.queryForObject("select count(*) from notification_mail where recipient_id = ? and kind = 'digest'",
                        Long.class, m.id())).as(m.username()).isOne();
            }
        }
    }

    private static long unread(JdbcTemplate jdbc, long memberId) {
        return jdbc.queryForObject("select count(*) from notification where recipient_id = ? and read_at is null", Long.class, memberId);
    }
}
