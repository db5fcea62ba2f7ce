package com.moviepeople.notifications;

import com.moviepeople.accounts.Mailer;
import com.moviepeople.shared.Housekeeping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends the queued notification mails ({@code notification_mail}) through the app's {@link Mailer},
 * every few seconds on every instance ({@code moviepeople.notifications.mail-poll}). An instance
 * claims a batch for {@link #CLAIM} with {@code FOR UPDATE SKIP LOCKED}, so two never send the same
 * mail; one that dies with a claim leaves it to another when the claim runs out. A mail the SMTP
 * server refuses is tried again later, {@link #ATTEMPTS} times in all.
 */
@Component
class NotificationMailDelivery implements Housekeeping {

    static final int DELIVERY_BATCH = 20;
    static final int ATTEMPTS = 5;
    static final String CLAIM = "5 minutes";

    private static final Logger log = LoggerFactory.getLogger(NotificationMailDelivery.class);

    private record Mail(long id, String to, String subject, String body, String unsubscribeUrl, int attempts) {
    }

    private final JdbcClient jdbc;
    private final Mailer mailer;

    NotificationMailDelivery(JdbcClient jdbc, Mailer mailer) {
        this.jdbc = jdbc;
        this.mailer = mailer;
    }

    @Scheduled(fixedDelayString = "${moviepeople.notifications.mail-poll:PT5S}", initialDelayString = "PT10S")
    void scheduled() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            log.warn("Delivering notification mails failed; the next poll tries again: {}", e.getMessage());
        }
    }

    /** Sends what is due, batch after batch; the number sent. */
    int deliverDue() {
        // A read first: an idle poll writes nothing (and takes no row locks).
        if (!jdbc.sql("select exists (select 1 from notification_mail where " + DUE + ")")
                .param("attempts", ATTEMPTS).query(Boolean.class).single()) {
            return 0;
        }
        int sent = 0;
        List<Mail> batch;
        do {
            batch = claim();
            for (Mail mail : batch) {
                if (send(mail)) {
                    sent++;
                }
            }
        } while (batch.size() == DELIVERY_BATCH);
        return sent;
    }

    /** A mail not sent yet, not given up on, and not claimed by a delivering instance. */
    private static final String DUE = "sent_at is null and attempts < :attempts and (claimed_until is null or claimed_until < now())";

    private List<Mail> claim() {
        return jdbc.sql("""
                        update notification_mail set claimed_until = now() + cast(:claim as interval), attempts = attempts + 1
                        where id in (select id from notification_mail where %s
                                     order by id limit :n
                                     for update skip locked)
                        returning id, to_address, subject, body, unsubscribe_url, attempts""".formatted(DUE))
                .param("claim", CLAIM).param("attempts", ATTEMPTS).param("n", DELIVERY_BATCH)
                .query((rs, i) -> new Mail(rs.getLong("id"), rs.getString("to_address"), rs.getString("subject"),
                        rs.getString("body"), rs.getString("unsubscribe_url"), rs.getInt("attempts")))
                .list();
    }

    private boolean send(Mail mail) {
        Map<String, String> headers = new LinkedHashMap<>();
        // RFC 8058 one-click unsubscribe: mail programs show an "Unsubscribe" button that POSTs to the link.
        headers.put("List-Unsubscribe", "<" + mail.unsubscribeUrl() + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        // RFC 3834: sent by a program; out-of-office replies stay away.
        headers.put("Auto-Submitted", "auto-generated");
        try {
            mailer.deliver(mail.to(), mail.subject(), mail.body(), headers);
        } catch (MailException e) {
            // Tried again once the claim runs out.
            (mail.attempts() >= ATTEMPTS ? log.atError() : log.atWarn())
                    .log("Notification mail {} not sent (attempt {} of {}): {}", mail.id(), mail.attempts(), ATTEMPTS, e.getMessage());
            return false;
        }
        jdbc.sql("update notification_mail set sent_at = now(), claimed_until = null where id = :id").param("id", mail.id()).update();
        return true;
    }

    // --- housekeeping ----------------------------------------------------------------------

    @Override
    public String name() {
        return "notification mails and mail pauses";
    }

    /** Sent mails after 30 days, ones that could not be sent after 7, and pauses once they are over. */
    @Override
    public long cleanUp(Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        long mails = Housekeeping.inBatches(() -> jdbc.sql("""
                        delete from notification_mail where id in (
                            select id from notification_mail
                            where (sent_at is not null and sent_at < :at - interval '30 days')
                               or (sent_at is null and attempts >= :attempts and created_at < :at - interval '7 days')
                            limit :batch)""")
                .param("at", at).param("attempts", ATTEMPTS).param("batch", Housekeeping.BATCH).update());
        long pauses = Housekeeping.inBatches(() -> jdbc.sql("""
                        delete from notification_mail_throttle where (member_id, thread_key) in (
                            select member_id, thread_key from notification_mail_throttle
                            where mailed_at < :at - cast(:pause as interval) limit :batch)""")
                .param("at", at).param("pause", NotificationMails.THREAD_PAUSE.toSeconds() + " seconds")
                .param("batch", Housekeeping.BATCH).update());
        return mails + pauses;
    }
}
