package com.moviepeople.notifications;

import com.moviepeople.accounts.MailRecipient;
import com.moviepeople.accounts.Mailer;
import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.blocking.Blocks;
import com.moviepeople.messaging.Messaging;
import com.moviepeople.messaging.UnreadMessages;
import com.moviepeople.shared.MemberCard;
import com.moviepeople.shared.MemberCards;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Notification e-mails: the member's setting and unsubscribe key, the immediate mails (at most one
 * per thread per {@link #THREAD_PAUSE}), and the daily digest. Mails are not sent here: they are
 * written to {@code notification_mail} in the same transaction as what they tell, and
 * {@link NotificationMailDelivery} sends them.
 */
@Service
class NotificationMails {

    static final Duration THREAD_PAUSE = Duration.ofMinutes(10);
    /** Notifications listed by name in one digest; the rest are counted. */
    static final int DIGEST_LINES = 20;
    /** A first digest (or one after a long pause) tells at most this far back. */
    static final Duration FIRST_DIGEST_REACH = Duration.ofDays(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A member's setting row as the digest reads it. */
    private record Setting(EmailFrequency frequency, LocalDate digestOn, Instant digestThrough) {
    }

    private final JdbcClient jdbc;
    private final NotificationService notifications;
    private final MemberDirectory members;
    private final MemberCards cards;
    private final Messaging messaging;
    private final Blocks blocks;
    private final Mailer mailer;

    NotificationMails(JdbcClient jdbc, NotificationService notifications, MemberDirectory members, MemberCards cards,
                      Messaging messaging, Blocks blocks, Mailer mailer) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.members = members;
        this.cards = cards;
        this.messaging = messaging;
        this.blocks = blocks;
        this.mailer = mailer;
    }

    // --- the setting -----------------------------------------------------------------------

    @Transactional(readOnly = true)
    EmailFrequency frequency(long memberId) {
        return jdbc.sql("select email_frequency from notification_setting where member_id = :m")
                .param("m", memberId).query(String.class).optional()
                .flatMap(EmailFrequency::parse).orElse(EmailFrequency.DAILY);
    }

    @Transactional
    void setFrequency(long memberId, EmailFrequency frequency) {
        jdbc.sql("""
                        insert into notification_setting (member_id, email_frequency) values (:m, :f)
                        on conflict (member_id) do update set email_frequency = excluded.email_frequency""")
                .param("m", memberId).param("f", frequency.getValue()).update();
    }

    /** The member whose unsubscribe key this is, if any. */
    @Transactional(readOnly = true)
    Optional<Long> memberOfToken(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return jdbc.sql("select member_id from notification_setting where unsubscribe_token = :t")
                .param("t", token).query(Long.class).optional();
    }

    /** One click in a mail: no more notification mails. False for an unknown key. */
    @Transactional
    boolean unsubscribe(String token) {
        Optional<Long> member = memberOfToken(token);
        member.ifPresent(m -> setFrequency(m, EmailFrequency.NEVER));
        return member.isPresent();
    }

    private String unsubscribeToken(long memberId) {
        jdbc.sql("insert into notification_setting (member_id) values (:m) on conflict do nothing").param("m", memberId).update();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return jdbc.sql("""
                        update notification_setting set unsubscribe_token = coalesce(unsubscribe_token, :t)
                        where member_id = :m returning unsubscribe_token""")
                .param("m", memberId).param("t", Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))
                .query(String.class).single();
    }

    // --- immediate mails -------------------------------------------------------------------

    /**
     * A notification was written or joined: mail it now if the member wants that and nothing was
     * mailed about the same thread in the last {@link #THREAD_PAUSE}. Joins the caller's transaction.
     */
    @Transactional
    void notified(long recipientId, long notificationId, String threadKey) {
        if (frequency(recipientId) != EmailFrequency.IMMEDIATELY) {
            return;
        }
        Optional<MailRecipient> recipient = members.mailRecipient(recipientId);
        if (recipient.isEmpty() || !threadMayBeMailed(recipientId, threadKey)) {
            return;
        }
        notifications.unread(recipientId, recipient.get().username(), notificationId).ifPresent(n -> {
            String what = n.actor().displayName() + n.getText();
            String body = "Hello " + recipient.get().displayName() + ",\n\n"
                    + what + ".\n" + (n.note() == null ? "" : "\n“" + n.note() + "”\n\n") + mailer.link(n.link()) + "\n"
                    + unreadMessages(recipientId, Instant.EPOCH, false).text();
            queue(recipient.get(), "immediate", what, body, EmailFrequency.IMMEDIATELY);
        });
    }

    /** A message arrived: mailed at once to members who want that, one per conversation every {@link #THREAD_PAUSE}. */
    @Transactional
    void messageReceived(long recipientId, long senderId) {
        if (frequency(recipientId) != EmailFrequency.IMMEDIATELY || blocks.isBlockedEitherWay(recipientId, senderId)) {
            return;
        }
        Optional<MailRecipient> recipient = members.mailRecipient(recipientId);
        // Already read (the member had the conversation open): nothing to tell.
        Optional<UnreadMessages> unread = messaging.unreadSince(recipientId, Instant.EPOCH).stream()
                .filter(u -> u.senderId() == senderId).findFirst();
        MemberCard sender = cards.cardsFor(Set.of(senderId)).get(senderId);
        if (recipient.isEmpty() || unread.isEmpty() || sender == null
                || !threadMayBeMailed(recipientId, "conversation:" + senderId)) {
            return;
        }
        long count = unread.get().count();
        String what = sender.displayName() + " sent you " + (count == 1 ? "a message" : count + " messages");
        String body = "Hello " + recipient.get().displayName() + ",\n\n"
                + what + ". Read and answer on MoviePeople:\n" + mailer.link("/messages/" + sender.username()) + "\n";
        queue(recipient.get(), "immediate", what, body, EmailFrequency.IMMEDIATELY);
    }

    /** True, and the thread's clock restarted, when nothing was mailed about it in the last {@link #THREAD_PAUSE}. */
    private boolean threadMayBeMailed(long memberId, String threadKey) {
        return !jdbc.sql("""
                        insert into notification_mail_throttle (member_id, thread_key, mailed_at) values (:m, :t, now())
                        on conflict (member_id, thread_key) do update set mailed_at = excluded.mailed_at
                            where notification_mail_throttle.mailed_at <= now() - cast(:pause as interval)
                        returning 1""")
                .param("m", memberId).param("t", threadKey).param("pause", THREAD_PAUSE.toSeconds() + " seconds")
                .query(Integer.class).list().isEmpty();
    }

    // --- the daily digest ------------------------------------------------------------------

    /**
     * Members who may be due a digest on {@code day}: unread notifications or messages since
     * {@code window}, wanting a daily digest (the default), and none made for them that day yet.
     */
    @Transactional(readOnly = true)
    List<Long> digestCandidates(LocalDate day, Instant window) {
        Set<Long> candidates = new HashSet<>(jdbc.sql("""
                        select distinct recipient_id from notification where read_at is null and updated_at > :window""")
                .param("window", OffsetDateTime.ofInstant(window, ZoneOffset.UTC)).query(Long.class).list());
        candidates.addAll(messaging.recipientsOfUnreadSince(window));
        if (candidates.isEmpty()) {
            return List.of();
        }
        Set<Long> notDue = new HashSet<>(jdbc.sql("""
                        select member_id from notification_setting
                        where member_id = any(:ids) and (email_frequency <> 'daily' or digest_on >= :day)""")
                .param("ids", candidates.stream().mapToLong(Long::longValue).toArray()).param("day", Date.valueOf(day))
                .query(Long.class).list());
        return candidates.stream().filter(id -> !notDue.contains(id)).sorted().toList();
    }

    /**
     * The member's digest for {@code day}, at most once: under the setting row's lock, a member
     * whose digest for the day is made (by this or any instance) is skipped. What is new since the
     * last digest, and unread, goes into one mail, queued in the same transaction that records the
     * day as done. Returns whether a mail was queued.
     */
    @Transactional
    boolean digest(long memberId, LocalDate day, Instant now) {
        jdbc.sql("insert into notification_setting (member_id) select id from member where id = :m on conflict do nothing")
                .param("m", memberId).update();
        Optional<Setting> found = jdbc.sql("""
                        select email_frequency, digest_on, digest_through from notification_setting
                        where member_id = :m for update""")
                .param("m", memberId)
                .query((rs, i) -> new Setting(EmailFrequency.parse(rs.getString("email_frequency")).orElse(EmailFrequency.DAILY),
                        rs.getDate("digest_on") == null ? null : rs.getDate("digest_on").toLocalDate(),
                        rs.getTimestamp("digest_through") == null ? null : rs.getTimestamp("digest_through").toInstant()))
                .optional();
        if (found.isEmpty()) {
            return false; // the member was deleted meanwhile
        }
        Setting setting = found.get();
        if (setting.frequency() != EmailFrequency.DAILY || (setting.digestOn() != null && !setting.digestOn().isBefore(day))) {
            return false;
        }
        Instant reach = now.minus(FIRST_DIGEST_REACH);
        Instant since = setting.digestThrough() == null || setting.digestThrough().isBefore(reach) ? reach : setting.digestThrough();
        jdbc.sql("update notification_setting set digest_on = :day, digest_through = :now where member_id = :m")
                .param("day", Date.valueOf(day)).param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).param("m", memberId)
                .update();
        Optional<MailRecipient> recipient = members.mailRecipient(memberId);
        if (recipient.isEmpty()) {
            return false;
        }
        NotificationService.Unread unread = notifications.unreadSince(memberId, recipient.get().username(), since, DIGEST_LINES);
        MessagesParagraph messages = unreadMessages(memberId, since, true);
        if (unread.total() == 0 && messages.total() == 0) {
            return false;
        }
        StringBuilder body = new StringBuilder("Hello ").append(recipient.get().displayName()).append(",\n\n");
        if (unread.total() > 0) {
            body.append("New on MoviePeople since your last digest:\n\n");
            unread.notifications().forEach(n -> {
                body.append("- ").append(n.actor().displayName()).append(n.getText()).append("\n  ");
                if (n.note() != null) {
                    // A connection request's note, on one line under its request.
                    body.append("“").append(n.note().replaceAll("\\s+", " ")).append("”\n  ");
                }
                body.append(mailer.link(n.link())).append("\n");
            });
            if (unread.total() > unread.notifications().size()) {
                body.append("- and ").append(unread.total() - unread.notifications().size()).append(" more: ")
                        .append(mailer.link("/notifications")).append("\n");
            }
            body.append("\n");
        }
        body.append(messages.text());
        List<String> parts = new java.util.ArrayList<>();
        if (unread.total() > 0) {
            parts.add(unread.total() + (unread.total() == 1 ? " new notification" : " new notifications"));
        }
        if (messages.total() > 0) {
            parts.add(messages.total() + (messages.total() == 1 ? " unread message" : " unread messages"));
        }
        queue(recipient.get(), "digest", "Your day on MoviePeople: " + String.join(" and ", parts), body.toString(),
                EmailFrequency.DAILY);
        return true;
    }

    // --- composing -------------------------------------------------------------------------

    /** A member's unread messages for a mail: how many, and a paragraph listing them by sender with links. */
    private record MessagesParagraph(long total, String text) {
    }

    /** Unread messages sent after {@code since}, from members not blocked either way; text empty when none. */
    private MessagesParagraph unreadMessages(long memberId, Instant since, boolean digest) {
        Set<Long> blocked = blockedSenders(memberId);
        List<UnreadMessages> unread = messaging.unreadSince(memberId, since).stream()
                .filter(u -> !blocked.contains(u.senderId())).toList();
        if (unread.isEmpty()) {
            return new MessagesParagraph(0, "");
        }
        Map<Long, MemberCard> senders = cards.cardsFor(unread.stream().map(UnreadMessages::senderId).collect(Collectors.toSet()));
        long total = unread.stream().mapToLong(UnreadMessages::count).sum();
        String messages = total == 1 ? "1 unread message" : total + " unread messages";
        StringBuilder text = new StringBuilder(digest ? "You have " + messages + ":\n" : "\nYou also have " + messages + ":\n");
        for (UnreadMessages u : unread.subList(0, Math.min(DIGEST_LINES, unread.size()))) {
            MemberCard sender = senders.get(u.senderId());
            if (sender != null) {
                text.append("- ").append(u.count()).append(" from ").append(sender.displayName()).append(": ")
                        .append(mailer.link("/messages/" + sender.username())).append("\n");
            }
        }
        return new MessagesParagraph(total, text.toString());
    }

    private Set<Long> blockedSenders(long memberId) {
        return java.util.Arrays.stream(blocks.blockedIdArrayOf(memberId)).boxed().collect(Collectors.toSet());
    }

    private void queue(MailRecipient recipient, String kind, String subject, String body, EmailFrequency frequency) {
        String unsubscribe = mailer.link("/unsubscribe/" + unsubscribeToken(recipient.id()));
        String footer = "\n-- \nYou get these e-mails " + (frequency == EmailFrequency.DAILY
                ? "once a day, on days with something new."
                : "as things happen, at most one per post, request or conversation every 10 minutes.")
                + "\nChange how often: " + mailer.link("/settings/notifications")
                + "\nStop these e-mails with one click: " + unsubscribe + "\n";
        jdbc.sql("""
                        insert into notification_mail (recipient_id, kind, to_address, subject, body, unsubscribe_url)
                        values (:m, :kind, :to, :subject, :body, :unsubscribe)""")
                .param("m", recipient.id()).param("kind", kind).param("to", recipient.email())
                .param("subject", oneLine(subject)).param("body", body + footer).param("unsubscribe", unsubscribe)
                .update();
    }

    /** Names and details are members' text: a subject stays one line of reasonable length. */
    private static String oneLine(String text) {
        String line = text.replaceAll("\\p{Cntrl}+", " ").strip();
        return line.length() <= 150 ? line : line.substring(0, 149) + "…";
    }
}
