package com.moviepeople.notifications;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.moviepeople.IntegrationTest;
import com.moviepeople.feed.Feed;
import com.moviepeople.messaging.Messaging;
import com.moviepeople.shared.CurrentMember;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Notification e-mails through a real SMTP server in the test (GreenMail): the setting, the
 * immediate mails and their pause per thread, the daily digest once per member and day (also when
 * runs overlap or one dies holding the lock), the one-click unsubscribe without login, and opening
 * a post marking what one heard about it.
 */
class NotificationEmailIntegrationTests extends IntegrationTest {

    private static final int SMTP_PORT = com.moviepeople.TestSmtp.PORT;

    @RegisterExtension
    static GreenMailExtension mail = com.moviepeople.TestSmtp.server(SMTP_PORT);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        com.moviepeople.TestSmtp.register(registry, SMTP_PORT);
    }


    @Autowired
    Feed feed;

    @Autowired
    Messaging messaging;

    @Autowired
    NotificationMails mails;

    @Autowired
    NotificationMailDelivery delivery;

    @Autowired
    NotificationDigest digest;

    private Instant started;

    @BeforeEach
    void emptyMailbox() throws Exception {
        mail.purgeEmailFromAllMailboxes();
        started = Instant.now();
    }

    /** Waits until this test's events are handled (their immediate mails queued), then sends what is queued. */
    private void settleAndDeliver() {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from event_publication where publication_date >= ?", Long.class, Timestamp.from(started)) == 0);
        delivery.deliverDue();
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "select count(*) from notification_mail where sent_at is null and created_at >= ?", Long.class,
                Timestamp.from(started)) == 0);
    }

    private List<MimeMessage> mailsTo(CurrentMember m) {
        String address = m.username() + "@example.com";
        return Arrays.stream(mail.getReceivedMessages()).filter(x -> GreenMailUtil.getAddressList(recipients(x)).contains(address)).toList();
    }

    private static jakarta.mail.Address[] recipients(MimeMessage m) {
        try {
            return m.getAllRecipients();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, ",");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void choose(CurrentMember m, String frequency) throws Exception {
        mvc.perform(post("/settings/notifications").with(user(m)).with(csrf()).param("emailFrequency", frequency))
                .andExpect(status().is3xxRedirection());
    }

    private long digestMails(CurrentMember m) {
        return jdbc.queryForObject("select count(*) from notification_mail where recipient_id = ? and kind = 'digest'", Long.class, m.id());
    }

    @Test
    void theSettingDefaultsToDailyAndRefusesUnknownValuesKeepingTheChoice() throws Exception {
        CurrentMember maya = newMember("maya");
        assertThat(mvc.perform(get("/settings/notifications").with(user(maya))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())
                .containsPattern("value=\"daily\"[^>]*checked").contains("As it happens").contains("Never");
        choose(maya, "immediately");
        assertThat(mails.frequency(maya.id())).isEqualTo(EmailFrequency.IMMEDIATELY);
        assertThat(mvc.perform(get("/settings/notifications").with(user(maya))).andReturn().getResponse().getContentAsString())
                .containsPattern("value=\"immediately\"[^>]*checked");

        for (String wrong : new String[]{"hourly", "", "NEVER"}) {
            mvc.perform(post("/settings/notifications").with(user(maya)).with(csrf()).param("emailFrequency", wrong))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(org.hamcrest.Matchers.containsString("Choose one of the three.")));
        }
        mvc.perform(post("/settings/notifications").with(user(maya)).with(csrf())).andExpect(status().isBadRequest());
        assertThat(mails.frequency(maya.id())).as("unchanged").isEqualTo(EmailFrequency.IMMEDIATELY);
        // Members only, and with the form's token.
        mvc.perform(get("/settings/notifications")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/settings/notifications").with(user(maya)).param("emailFrequency", "never")).andExpect(status().isForbidden());
        assertThat(mails.frequency(maya.id())).isEqualTo(EmailFrequency.IMMEDIATELY);
    }

    @Test
    void immediateMailsComeOncePerThreadEveryTenMinutesWithOneClickUnsubscribe() throws Exception {
        CurrentMember maya = newMember("maya");
        CurrentMember ben = newMember("ben");
        CurrentMember carl = newMember("carl");
        connect(maya, ben);
        connect(maya, carl);
        choose(maya, "immediately");
        settleAndDeliver();
        mail.purgeEmailFromAllMailboxes();

        long post = feed.publish(maya.id(), "Rushes are in");
        messaging.send(carl.id(), maya.id(), "Call me about Tuesday");
        feed.comment(ben.id(), post, "The night scenes!");
        settleAndDeliver();
        // One for the message, one for the comment.
        List<MimeMessage> first = mailsTo(maya);
        assertThat(first).extracting(NotificationEmailIntegrationTests::subject)
                .containsExactlyInAnyOrder("Ben Tester commented on your post", "Carl Tester sent you a message");
        MimeMessage comment = first.stream().filter(m -> subject(m).contains("commented")).findFirst().orElseThrow();
        String body = GreenMailUtil.getBody(comment);
        assertThat(body).contains("Hello Maya Tester").contains("http://localhost:8080/posts/" + post)
                .contains("You also have 1 unread message").contains("1 from Carl Tester: http://localhost:8080/messages/" + carl.username());
        Matcher unsubscribe = Pattern.compile("<(http://localhost:8080/unsubscribe/([A-Za-z0-9_-]{43}))>")
                .matcher(header(comment, "List-Unsubscribe"));
        assertThat(unsubscribe.matches()).as(header(comment, "List-Unsubscribe")).isTrue();
        assertThat(header(comment, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(body).contains(unsubscribe.group(1));

        // More on the same post and in the same conversation within ten minutes: in the app, not mailed.
        feed.comment(carl.id(), post, "Agreed");
        mvc.perform(post("/posts/" + post + "/applaud").with(user(ben)).with(csrf())).andExpect(status().is3xxRedirection());
        messaging.send(carl.id(), maya.id(), "And Wednesday");
        settleAndDeliver();
        assertThat(mailsTo(maya)).hasSize(2);
        assertThat(jdbc.queryForList("select kind from notification where recipient_id = ? and post_id = ? and read_at is null",
                String.class, maya.id(), post)).as("the app still tells all of it").containsExactlyInAnyOrder("COMMENT", "APPLAUSE_POST");
        // Another thread is mailed.
        long other = feed.publish(maya.id(), "Second unit call sheet");
        feed.comment(ben.id(), other, "On it");
        settleAndDeliver();
        assertThat(mailsTo(maya)).hasSize(3);
        // Ten minutes on, the first post's thread may be mailed again.
        jdbc.update("update notification_mail_throttle set mailed_at = mailed_at - interval '11 minutes' where member_id = ?", maya.id());
        feed.comment(ben.id(), post, "One more thing");
        settleAndDeliver();
        assertThat(mailsTo(maya)).hasSize(4);

        // The commenters are on the default (daily): no mail at once for them.
        assertThat(mailsTo(ben)).isEmpty();
        assertThat(mailsTo(carl)).isEmpty();

        // One click from the mail program: no login, no token, no session.
        mvc.perform(post(unsubscribe.group(1).substring("http://localhost:8080".length()))
                        .contentType("application/x-www-form-urlencoded").content("List-Unsubscribe=One-Click"))
                .andExpect(status().isOk());
        assertThat(mails.frequency(maya.id())).isEqualTo(EmailFrequency.NEVER);
        long third = feed.publish(maya.id(), "Wrap party");
        feed.comment(ben.id(), third, "Count me in");
        settleAndDeliver();
        assertThat(mailsTo(maya)).as("nothing after unsubscribing").hasSize(4);
    }

    /** A mail's text, decoded (quoted-printable or base64 for the typographic quotes), with LF line ends. */
    private static String text(MimeMessage m) {
        try {
            return m.getContent().toString().replace("\r\n", "\n");
        } catch (jakarta.mail.MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aConnectionRequestsMailCarriesItsNoteAndTheDigestTooOnOneLine() throws Exception {
        CurrentMember maya = newMember("maya");
        CurrentMember ben = newMember("ben");
        CurrentMember carl = newMember("carl");
        choose(maya, "immediately");
        settleAndDeliver();
        mail.purgeEmailFromAllMailboxes();

        mvc.perform(post("/connections/request/" + maya.username()).param("note", "We met on Night Shift.\nI was your gaffer.")
                .with(user(ben)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/connections/request/" + carl.username()).param("note", "Loved your work\non Dust.")
                .with(user(ben)).with(csrf())).andExpect(status().is3xxRedirection());
        settleAndDeliver();
        List<MimeMessage> mails = mailsTo(maya);
        assertThat(mails).extracting(NotificationEmailIntegrationTests::subject).containsExactly("Ben Tester asked to connect with you");
        assertThat(text(mails.get(0))).contains("Ben Tester asked to connect with you.\n\n“We met on Night Shift.\nI was your gaffer.”\n\n");

        // Carl is on the daily digest: the note under its request, on one line.
        assertThat(mailsTo(carl)).isEmpty();
        assertThat(digest.run(Instant.now()).ran()).isTrue();
        settleAndDeliver();
        assertThat(mailsTo(carl)).hasSize(1);
        assertThat(text(mailsTo(carl).get(0))).contains("- Ben Tester asked to connect with you\n  “Loved your work on Dust.”\n  http://localhost:8080/");
    }

    @Test
    void unsubscribingNeedsNoLoginAndOnlyTheKeyWorks() throws Exception {
        CurrentMember maya = newMember("maya");
        String token = jdbc.queryForObject("""
                insert into notification_setting (member_id, unsubscribe_token) values (?, ?) returning unsubscribe_token""",
                String.class, maya.id(), "A".repeat(43));
        long before = jdbc.queryForObject("select count(*) from spring_session", Long.class);
        String page = mvc.perform(get("/unsubscribe/" + token)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-form=\"unsubscribe\"").contains("m•••@example.com").doesNotContain(maya.username() + "@");
        assertThat(mails.frequency(maya.id())).as("a GET changes nothing").isEqualTo(EmailFrequency.DAILY);
        assertThat(mvc.perform(post("/unsubscribe/" + token)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("data-unsubscribed").contains("no more e-mails");
        assertThat(mails.frequency(maya.id())).isEqualTo(EmailFrequency.NEVER);
        assertThat(mvc.perform(get("/unsubscribe/" + token)).andReturn().getResponse().getContentAsString()).contains("already");
        assertThat(jdbc.queryForObject("select count(*) from spring_session", Long.class)).as("no session").isEqualTo(before);

        for (String wrong : new String[]{"B".repeat(43), "short", "A".repeat(44), "A".repeat(42) + "!"}) {
            mvc.perform(get("/unsubscribe/" + wrong)).andExpect(status().isNotFound());
            mvc.perform(post("/unsubscribe/" + wrong)).andExpect(status().isNotFound());
        }
        mvc.perform(post("/unsubscribe/%00")).andExpect(status().isBadRequest());
    }

    @Test
    void theDailyDigestTellsWhatIsNewAndUnreadOncePerDay() throws Exception {
        CurrentMember maya = newMember("maya");
        CurrentMember ben = newMember("ben");
        CurrentMember carl = newMember("carl");
        CurrentMember quiet = newMember("quiet");
        connect(maya, ben);
        connect(maya, carl);
        connect(quiet, ben);
        choose(quiet, "never");
        settleAndDeliver();
        jdbc.update("delete from notification where recipient_id in (?, ?, ?, ?)", maya.id(), ben.id(), carl.id(), quiet.id());

        long post = feed.publish(maya.id(), "Rushes are in");
        feed.comment(ben.id(), post, "The night scenes!");
        feed.comment(carl.id(), post, "Agreed");
        mvc.perform(post("/posts/" + post + "/applaud").with(user(carl)).with(csrf())).andExpect(status().is3xxRedirection());
        messaging.send(ben.id(), maya.id(), "Are you free in March?");
        long quietPost = feed.publish(quiet.id(), "Nobody mails me");
        feed.comment(ben.id(), quietPost, "Fine");
        settleAndDeliver();
        assertThat(mailsTo(maya)).as("daily: nothing at once").isEmpty();

        Instant now = Instant.now();
        NotificationDigest.Run run = digest.run(now);
        assertThat(run.ran()).isTrue();
        settleAndDeliver();
        List<MimeMessage> digests = mailsTo(maya);
        assertThat(digests).hasSize(1);
        assertThat(subject(digests.get(0))).isEqualTo("Your day on MoviePeople: 2 new notifications and 1 unread message");
        String body = GreenMailUtil.getBody(digests.get(0));
        // The line names the latest commenter: whichever of the two events was handled last.
        assertThat(body).containsPattern("(Ben|Carl) Tester and 1 other commented on your post").contains("Carl Tester applauded your post")
                .contains("http://localhost:8080/posts/" + post).contains("1 from Ben Tester: http://localhost:8080/messages/" + ben.username())
                .contains("once a day");
        assertThat(header(digests.get(0), "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mailsTo(quiet)).as("never").isEmpty();
        assertThat(mailsTo(ben)).as("Ben commented first, and Carl after him").singleElement()
                .satisfies(m -> assertThat(GreenMailUtil.getBody(m)).contains("Carl Tester also commented on a post you commented on"));
        assertThat(mailsTo(carl)).as("nothing happened to Carl's things").isEmpty();

        // The same day again: nothing more, even with new activity.
        feed.comment(ben.id(), post, "Later that day");
        settleAndDeliver();
        // Later the same day (in the digest's zone, UTC): ten minutes on, unless that is tomorrow.
        Instant later = now.plusSeconds(600);
        boolean sameDay = later.atZone(java.time.ZoneOffset.UTC).toLocalDate().equals(now.atZone(java.time.ZoneOffset.UTC).toLocalDate());
        digest.run(sameDay ? later : now);
        settleAndDeliver();
        assertThat(mailsTo(maya)).hasSize(1);
        // The next day: only what is new since the last digest (the comment joined the unread group).
        digest.run(now.plus(Duration.ofDays(1)));
        settleAndDeliver();
        assertThat(mailsTo(maya)).hasSize(2);
        assertThat(GreenMailUtil.getBody(mailsTo(maya).get(1))).containsPattern("(Ben|Carl) Tester and 1 other commented on your post")
                .doesNotContain("applauded").doesNotContain("Are you free");
        // The day after, with nothing new: no mail.
        digest.run(now.plus(Duration.ofDays(2)));
        settleAndDeliver();
        assertThat(mailsTo(maya)).hasSize(2);
    }

    @Test
    void overlappingDigestRunsAndARunThatDiesHoldingTheLockMailEachMemberOnce() throws Exception {
        CurrentMember author = newMember("author");
        List<CurrentMember> members = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            CurrentMember m = newMember("crew");
            connect(author, m);
            members.add(m);
        }
        settleAndDeliver();
        for (CurrentMember m : members) {
            jdbc.update("delete from notification where recipient_id = ?", m.id());
            long post = feed.publish(m.id(), "Call sheet " + m.username());
            feed.comment(author.id(), post, "Seen");
        }
        settleAndDeliver();
        Instant now = Instant.now();

        // Two runs at once without the lock (as if it failed): each member still gets one digest.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            pool.invokeAll(List.<Callable<NotificationDigest.Run>>of(() -> digest.run(now), () -> digest.run(now)));
            members.forEach(m -> assertThat(digestMails(m)).as(m.username()).isOne());

            // The next day, through the lock: one of two simultaneous runs does it.
            for (CurrentMember m : members.subList(0, 4)) {
                long post = feed.publish(m.id(), "Day two " + m.username());
                feed.comment(author.id(), post, "Seen again");
            }
            settleAndDeliver();
            Instant tomorrow = now.plus(Duration.ofDays(1));
            jdbc.update("delete from shedlock where name = ?", NotificationDigest.LOCK_NAME);
            List<Future<NotificationDigest.Run>> runs = pool.invokeAll(List.<Callable<NotificationDigest.Run>>of(
                    () -> digest.runIfNoOtherInstanceIs(tomorrow), () -> digest.runIfNoOtherInstanceIs(tomorrow)));
            assertThat(runs.get(0).get().ran() ^ runs.get(1).get().ran()).as("exactly one ran").isTrue();
            members.subList(0, 4).forEach(m -> assertThat(digestMails(m)).as(m.username()).isEqualTo(2));
            members.subList(4, 8).forEach(m -> assertThat(digestMails(m)).as(m.username()).isOne());
        } finally {
            pool.shutdownNow();
        }

        // Another day: an instance took the lock, mailed three members and died. (The days so far were
        // in the future; this one is today again, with the earlier digests moved a day back.)
        jdbc.update("update notification_setting set digest_on = current_date - 1, digest_through = now() where member_id = any(?)",
                (Object) members.stream().map(CurrentMember::id).toArray(Long[]::new));
        for (CurrentMember m : members) {
            long post = feed.publish(m.id(), "Day three " + m.username());
            feed.comment(author.id(), post, "Seen once more");
        }
        settleAndDeliver();
        Instant dayThree = Instant.now();
        jdbc.update("update shedlock set lock_until = now() + interval '14 minutes', locked_at = now(), locked_by = 'dead' where name = ?",
                NotificationDigest.LOCK_NAME);
        java.time.LocalDate day = dayThree.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        for (CurrentMember m : members.subList(0, 3)) {
            assertThat(mails.digest(m.id(), day, dayThree)).isTrue();
        }
        assertThat(digest.runIfNoOtherInstanceIs(dayThree).ran()).as("the dead instance's lock still holds").isFalse();
        members.subList(3, 8).forEach(m -> assertThat(digestMails(m)).as(m.username()).isLessThan(3));
        // Its lock runs out; the next run, on any instance, does the rest and nobody twice.
        jdbc.update("update shedlock set lock_until = now() - interval '1 second' where name = ?", NotificationDigest.LOCK_NAME);
        NotificationDigest.Run rest = digest.runIfNoOtherInstanceIs(dayThree.plusSeconds(900));
        assertThat(rest.ran()).isTrue();
        assertThat(rest.mails()).isEqualTo(5);
        members.subList(0, 4).forEach(m -> assertThat(digestMails(m)).as(m.username()).isEqualTo(3));
        members.subList(4, 8).forEach(m -> assertThat(digestMails(m)).as(m.username()).isEqualTo(2));

        // Every queued mail goes out once, even with two instances delivering at the same time.
        mail.purgeEmailFromAllMailboxes();
        jdbc.update("update notification_mail set sent_at = null, claimed_until = null, attempts = 0 where recipient_id = any(?)",
                (Object) members.stream().map(CurrentMember::id).toArray(Long[]::new));
        ExecutorService senders = Executors.newFixedThreadPool(2);
        try {
            senders.invokeAll(List.<Callable<Integer>>of(delivery::deliverDue, delivery::deliverDue));
        } finally {
            senders.shutdownNow();
        }
        long queued = jdbc.queryForObject("select count(*) from notification_mail where recipient_id = any(?)", Long.class,
                (Object) members.stream().map(CurrentMember::id).toArray(Long[]::new));
        await().atMost(Duration.ofSeconds(10)).until(() -> members.stream().mapToLong(m -> mailsTo(m).size()).sum() >= queued);
        assertThat(members.stream().mapToLong(m -> mailsTo(m).size()).sum()).isEqualTo(queued).isEqualTo(4 * 3 + 4 * 2);
    }

    @Test
    void openingAPostMarksWhatTheMemberHeardAboutItRead() throws Exception {
        CurrentMember maya = newMember("maya");
        CurrentMember ben = newMember("ben");
        connect(maya, ben);
        settleAndDeliver();
        jdbc.update("delete from notification where recipient_id = ?", maya.id());
        long post = feed.publish(maya.id(), "Rushes are in");
        long other = feed.publish(maya.id(), "Another");
        feed.comment(ben.id(), post, "Great");
        feed.comment(ben.id(), other, "Also great");
        settleAndDeliver();
        assertThat(jdbc.queryForObject("select count(*) from notification where recipient_id = ? and read_at is null", Long.class, maya.id()))
                .isEqualTo(2);

        String page = mvc.perform(get("/posts/" + post).with(user(maya))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).as("the bell already counts it read").contains("data-unread-notifications=\"1\"");
        assertThat(jdbc.queryForList("select post_id from notification where recipient_id = ? and read_at is null", Long.class, maya.id()))
                .containsExactly(other);
        // A post with nothing unread about it, viewed by someone with nothing unread: no write.
        mvc.perform(post("/notifications/read-all").with(user(maya)).with(csrf()));
        queries.clearWrites();
        mvc.perform(get("/posts/" + post).with(user(maya))).andExpect(status().isOk());
        assertThat(queries.writes()).noneMatch(sql -> sql.contains("notification"));
    }
}
