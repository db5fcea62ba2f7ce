package com.moviepeople.notifications;

import com.moviepeople.IntegrationTest;
import com.moviepeople.feed.Feed;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** In-app notifications: each kind, grouping, reading, blocks and deletions, pages, the bell. */
class NotificationsIntegrationTests extends IntegrationTest {

    @Autowired
    Feed feed;

    private java.time.Instant started;

    @org.junit.jupiter.api.BeforeEach
    void rememberTheStart() {
        started = java.time.Instant.now();
    }

    private long unread(CurrentMember m) {
        return jdbc.queryForObject("select count(*) from notification where recipient_id = ? and read_at is null", Long.class, m.id());
    }

    private long count(CurrentMember m, String kind) {
        return jdbc.queryForObject("select count(*) from notification where recipient_id = ? and kind = ?", Long.class, m.id(), kind);
    }

    private void awaitCount(CurrentMember m, String kind, long expected) {
        await().atMost(Duration.ofSeconds(10)).until(() -> count(m, kind) == expected);
    }

    /**
     * Waits until every event so far is handled (the registry deletes completed publications), then
     * forgets what {@code members} were told while being set up (the requests and acceptances of
     * {@link #connect}).
     */
    private void settle(CurrentMember... members) {
        // This test's events only: publications other tests left failed on purpose stay in the table.
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from event_publication where publication_date >= ?", Long.class,
                java.sql.Timestamp.from(started)) == 0);
        for (CurrentMember m : members) {
            jdbc.update("delete from notification where recipient_id = ?", m.id());
        }
    }

    private String page(CurrentMember m, String url) throws Exception {
        return mvc.perform(get(url).with(user(m))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private void applaud(CurrentMember m, long post) throws Exception {
        mvc.perform(post("/posts/" + post + "/applaud").with(user(m)).with(csrf())).andExpect(status().is3xxRedirection());
    }

    @Test
    void requestsAcceptancesCommentsApplauseAndConfirmationsReachTheirRecipients() throws Exception {
        CurrentMember maya = newMember("maya");
        CurrentMember ben = newMember("ben");
        CurrentMember carl = newMember("carl");
        mvc.perform(post("/connections/request/" + maya.username()).with(user(ben)).with(csrf())).andExpect(status().is3xxRedirection());
        awaitCount(maya, "CONNECTION_REQUEST", 1);
        long connection = jdbc.queryForObject("select id from connection where requester_id = ? and receiver_id = ?", Long.class,
                ben.id(), maya.id());
        mvc.perform(post("/connections/" + connection + "/accept").with(user(maya)).with(csrf())).andExpect(status().is3xxRedirection());
        awaitCount(ben, "CONNECTION_ACCEPTED", 1);
        connect(maya, carl);

        long post = feed.publish(maya.id(), "Rushes look great");
        long benComment = feed.comment(ben.id(), post, "The night scenes!");
        awaitCount(maya, "COMMENT", 1);
        feed.comment(carl.id(), post, "Agreed");
        awaitCount(ben, "THREAD_COMMENT", 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> page(maya, "/notifications").contains("and 1 other"));
        applaud(ben, post);
        awaitCount(maya, "APPLAUSE_POST", 1);
        mvc.perform(post("/comments/" + benComment + "/applaud").with(user(maya)).with(csrf())).andExpect(status().is3xxRedirection());
        awaitCount(ben, "APPLAUSE_COMMENT", 1);

        // A colleague confirms Maya's credit.
        long production = jdbc.queryForObject("insert into production (title, year, kind) values (?, 2023, 'feature') returning id",
                Long.class, "Notified " + maya.username());
        long mayaCredit = jdbc.queryForObject("insert into credit (production_id, member_id, role, department) values (?, ?, 'Film Editor', 'Editorial') returning id",
                Long.class, production, maya.id());
        jdbc.update("insert into credit (production_id, member_id, role, department) values (?, ?, 'Gaffer', 'Lighting & Grip')", production, carl.id());
        mvc.perform(post("/credits/" + mayaCredit + "/confirm").with(user(carl)).with(csrf())).andExpect(status().is3xxRedirection());
        awaitCount(maya, "CREDIT_CONFIRMED", 1);

        String list = page(maya, "/notifications");
        assertThat(list).contains("data-kind=\"CONNECTION_REQUEST\"").contains("data-kind=\"COMMENT\"")
                .contains("data-kind=\"APPLAUSE_POST\"").contains("data-kind=\"CREDIT_CONFIRMED\"")
                .contains("asked to connect with you").contains("commented on your post").contains("applauded your post")
                .contains("confirmed your credit: Film Editor · Notified " + maya.username() + " (2023)")
                .contains("data-read=\"false\"");
        assertThat(page(ben, "/notifications")).contains("accepted your request to connect")
                .contains("also commented on a post you commented on").contains("applauded your comment");
        // The bell on every page.
        assertThat(page(maya, "/feed")).contains("data-unread-notifications=\"" + unread(maya) + "\"");
        // The request, the comments, the applause, the confirmation, and Carl accepting her request.
        assertThat(unread(maya)).isEqualTo(5);
        // Nothing for what one does oneself.
        assertThat(jdbc.queryForObject("select count(*) from notification where recipient_id = actor_id", Long.class)).isZero();
    }

    @Test
    void aConnectionRequestsNoteShowsWithItsNotificationWhileTheRequestWaits() throws Exception {
        CurrentMember maya = newMember("maya");
        CurrentMember ben = newMember("ben");
        CurrentMember carl = newMember("carl");
        mvc.perform(post("/connections/request/" + maya.username()).param("note", "We met on <b>Night Shift</b>.\nI was your gaffer.")
                .with(user(ben)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/connections/request/" + maya.username()).with(user(carl)).with(csrf())).andExpect(status().is3xxRedirection());
        awaitCount(maya, "CONNECTION_REQUEST", 2);

        // As plain text with its line break, only under Ben's request; Carl wrote none.
        String list = page(maya, "/notifications");
        assertThat(requestNotesIn(list)).containsExactly("We met on &lt;b&gt;Night Shift&lt;/b&gt;.\nI was your gaffer.");
        assertThat(list.indexOf("data-request-note")).isGreaterThan(list.indexOf("Ben Tester"));
        assertThat(requestNotesIn(page(ben, "/notifications"))).as("the requester is not told their own note").isEmpty();

        // Answered, the request keeps no note (V40), and its notification shows none.
        long request = jdbc.queryForObject("select id from connection where requester_id = ? and receiver_id = ?", Long.class,
                ben.id(), maya.id());
        mvc.perform(post("/connections/" + request + "/accept").with(user(maya)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(count(maya, "CONNECTION_REQUEST")).isEqualTo(2);
        assertThat(requestNotesIn(page(maya, "/notifications"))).isEmpty();
    }

    @Test
    void applauseJoinsOneNotificationWhileItIsUnreadAndCountsEachMemberOnce() throws Exception {
        CurrentMember maya = newMember("maya");
        long post = feed.publish(maya.id(), "Wrapped!");
        List<CurrentMember> crew = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CurrentMember m = newMember("crew");
            connect(maya, m);
            crew.add(m);
        }
        settle(maya);
        for (CurrentMember m : crew) {
            applaud(m, post);
        }
        // The first takes it back and applauds again: still one of five.
        applaud(crew.get(0), post);
        applaud(crew.get(0), post);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from notification_actor na join notification n on n.id = na.notification_id where n.recipient_id = ?",
                Long.class, maya.id()) == 5);
        assertThat(count(maya, "APPLAUSE_POST")).isEqualTo(1);
        String list = page(maya, "/notifications");
        assertThat(list).contains("and 4 others").contains("applauded your post");

        // Read: the next applause starts a new one.
        long id = jdbc.queryForObject("select id from notification where recipient_id = ?", Long.class, maya.id());
        mvc.perform(post("/notifications/" + id + "/read").param("open", "true").with(user(maya)).with(csrf()))
                .andExpect(redirectedUrl("/posts/" + post));
        assertThat(page(maya, "/notifications")).contains("data-notification-id=\"" + id + "\" data-read=\"true\"");
        CurrentMember late = newMember("late");
        connect(late, maya);
        settle();
        applaud(late, post);
        awaitCount(maya, "APPLAUSE_POST", 2);
        assertThat(jdbc.queryForObject("select count(*) from notification where recipient_id = ? and kind = 'APPLAUSE_POST' and read_at is null",
                Long.class, maya.id())).isEqualTo(1);
    }

    @Autowired
    NotificationService notifications;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    /**
     * Opening a post marks what the member heard about it read without waiting for a notification
     * another transaction holds: that one stays unread, the others are read, and the page does not
     * wait (waiting made page views deadlock with simultaneous applause).
     */
    @Test
    void openingAPostDoesNotWaitForANotificationAnotherTransactionHolds() throws Exception {
        CurrentMember maya = newMember("maya");
        CurrentMember ben = newMember("ben");
        CurrentMember carl = newMember("carl");
        connect(maya, ben);
        connect(maya, carl);
        long post = feed.publish(maya.id(), "Night exteriors wrapped");
        settle(maya);
        long held = notifications.notify(maya.id(), ben.id(), NotificationKind.APPLAUSE_POST,
                NotificationService.Target.post(post, null), null).orElseThrow();
        long free = notifications.notify(maya.id(), carl.id(), NotificationKind.COMMENT,
                NotificationService.Target.post(post, null), null).orElseThrow();

        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        var holder = java.util.concurrent.CompletableFuture.runAsync(() ->
                new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(status -> {
                    jdbc.queryForObject("select id from notification where id = ? for update", Long.class, held);
                    locked.countDown();
                    try {
                        release.await(20, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        try {
            assertThat(locked.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            page(maya, "/posts/" + post);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        } finally {
            release.countDown();
            holder.get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertThat(jdbc.queryForObject("select read_at is null from notification where id = ?", Boolean.class, held)).isTrue();
        assertThat(jdbc.queryForObject("select read_at is not null from notification where id = ?", Boolean.class, free)).isTrue();
    }

    @Test
    void applauseTakenBackLeavesTheUnreadLine() throws Exception {
        CurrentMember maya = newMember("maya");
        CurrentMember ben = newMember("ben");
        CurrentMember carl = newMember("carl");
        connect(maya, ben);
        connect(maya, carl);
        settle(maya);
        long post = feed.publish(maya.id(), "Wrap!");
        applaud(ben, post);
        // Each applause reaches the notifications asynchronously; the line names whichever was handled
        // last, so Carl's waits until Ben's is in (else the line may read "Ben Tester and 1 other").
        await().atMost(Duration.ofSeconds(10)).until(() -> page(maya, "/notifications").contains("Ben Tester</strong><span> applauded your post"));
        applaud(carl, post);
        await().atMost(Duration.ofSeconds(10)).until(() -> page(maya, "/notifications").contains("Carl Tester</strong><span> and 1 other applauded"));
        applaud(carl, post); // taken back
        await().atMost(Duration.ofSeconds(10)).until(() -> page(maya, "/notifications").contains("Ben Tester</strong><span> applauded your post"));
        applaud(ben, post); // taken back too: nothing is left to tell
        awaitCount(maya, "APPLAUSE_POST", 0);

        // Once read, the line is history: taking applause back later leaves it.
        applaud(ben, post);
        awaitCount(maya, "APPLAUSE_POST", 1);
        mvc.perform(post("/notifications/read-all").with(user(maya)).with(csrf()));
        applaud(ben, post);
        settle();
        assertThat(count(maya, "APPLAUSE_POST")).isOne();
    }

    @Test
    void aCommentIsNotToldToEarlierCommentersWhoNoLongerSeeThePost() throws Exception {
        CurrentMember maya = newMember("maya");
        CurrentMember ben = newMember("ben");
        CurrentMember carl = newMember("carl");
        long withBen = connect(maya, ben);
        connect(maya, carl);
        settle(maya, ben, carl);
        long post = feed.publish(maya.id(), "Dailies");
        feed.comment(ben.id(), post, "First!");
        mvc.perform(post("/connections/" + withBen + "/remove").with(user(maya)).with(csrf())).andExpect(status().is3xxRedirection());
        feed.comment(carl.id(), post, "Second");
        awaitCount(maya, "COMMENT", 1);
        settle();
        assertThat(count(ben, "THREAD_COMMENT")).as("Ben can no longer open the post").isZero();
    }

    @Test
    void onlyTheRecipientReadsAndMarksTheirNotifications() throws Exception {
        CurrentMember maya = newMember("maya");
        CurrentMember ben = newMember("ben");
        connect(maya, ben);
        settle(maya, ben);
        long post = feed.publish(maya.id(), "Call sheet is out");
        applaud(ben, post);
        feed.comment(ben.id(), post, "Thanks!");
        awaitCount(maya, "COMMENT", 1);
        awaitCount(maya, "APPLAUSE_POST", 1);
        long id = jdbc.queryForObject("select id from notification where recipient_id = ? and kind = 'COMMENT'", Long.class, maya.id());

        mvc.perform(post("/notifications/" + id + "/read").with(user(ben)).with(csrf())).andExpect(status().isNotFound());
        assertThat(page(ben, "/notifications")).doesNotContain("data-notification-id=\"" + id + "\"");
        assertThat(unread(maya)).isEqualTo(2);
        mvc.perform(post("/notifications/" + id + "/read").with(user(maya)).with(csrf())).andExpect(redirectedUrl("/notifications"));
        // Opening one notification about a post marks the others about it read too.
        assertThat(unread(maya)).isZero();

        feed.comment(ben.id(), post, "One more thing");
        awaitCount(maya, "COMMENT", 2);
        mvc.perform(post("/notifications/read-all").with(user(maya)).with(csrf())).andExpect(redirectedUrl("/notifications"));
        assertThat(unread(maya)).isZero();
        assertThat(page(maya, "/feed")).contains("data-unread-notifications=\"0\"");
        mvc.perform(post("/notifications/read-all")).andExpect(status().isForbidden());
    }

    @Test
    void aBlockOrADeletionTakesTheNotificationsAway() throws Exception {
        CurrentMember maya = newMember("maya");
        CurrentMember ben = newMember("ben");
        CurrentMember carl = newMember("carl");
        connect(maya, ben);
        connect(maya, carl);
        settle(maya);
        long post = feed.publish(maya.id(), "Location scout photos");
        applaud(ben, post);
        applaud(carl, post);
        long comment = feed.comment(carl.id(), post, "Love the harbour");
        awaitCount(maya, "COMMENT", 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> page(maya, "/notifications").contains("and 1 other"));

        // Maya blocks Ben: his part goes; Carl's applause stays, under Carl's name.
        mvc.perform(post("/people/" + ben.username() + "/block").with(user(maya)).with(csrf())).andExpect(status().is3xxRedirection());
        await().atMost(Duration.ofSeconds(10)).until(() -> !page(maya, "/notifications").contains("and 1 other"));
        String list = page(maya, "/notifications");
        assertThat(list).doesNotContain(ben.username().substring(0, 3).toUpperCase() + " Tester")
                .contains("applauded your post");
        assertThat(jdbc.queryForObject("select count(*) from notification_actor where actor_id = ?", Long.class, ben.id())).isZero();

        // Carl deletes his comment: its notification goes with it.
        mvc.perform(post("/comments/" + comment + "/delete").with(user(carl)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(count(maya, "COMMENT")).isZero();
        // Maya deletes the post: everything about it goes.
        mvc.perform(post("/posts/" + post + "/delete").with(user(maya)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(unread(maya)).isZero();
    }

    @Test
    void theListPagesThroughOlderNotifications() throws Exception {
        CurrentMember maya = newMember("maya");
        CurrentMember ben = newMember("ben");
        connect(maya, ben);
        settle(maya, ben);
        for (int i = 0; i < NotificationService.PAGE_SIZE + 5; i++) {
            applaud(ben, feed.publish(maya.id(), "Day " + i));
        }
        awaitCount(maya, "APPLAUSE_POST", NotificationService.PAGE_SIZE + 5);
        String first = page(maya, "/notifications");
        assertThat(first.split("data-notification-id=", -1)).hasSize(NotificationService.PAGE_SIZE + 1);
        Matcher more = Pattern.compile("href=\"/notifications\\?before=([^\"]+)\"").matcher(first);
        assertThat(more.find()).isTrue();
        String second = page(maya, "/notifications?before=" + more.group(1));
        assertThat(second.split("data-notification-id=", -1)).hasSize(6);
        assertThat(second).doesNotContain("data-action=\"read-all\"");
        // Nothing for the empty case but a line that says so.
        assertThat(page(ben, "/notifications")).contains("data-notifications-empty");
    }
}
