package com.moviepeople.notifications;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The daily digest, run by one instance at a time (ShedLock, lock {@value #LOCK_NAME}) every
 * quarter of an hour ({@code moviepeople.notifications.digest-cron}); from the digest hour
 * ({@code moviepeople.notifications.digest-hour}, in {@code moviepeople.notifications.digest-zone})
 * on, each member due that day gets theirs. Every member is done in a transaction of its own that
 * records the day, so a run that dies midway leaves the rest to the next run — on any instance,
 * once the dead one's lock expires ({@link #LOCK_AT_MOST}) — and a member is never done twice a day,
 * even by runs that overlap.
 */
@Component
class NotificationDigest {

    static final String LOCK_NAME = "notification-digest";
    static final Duration LOCK_AT_MOST = Duration.ofMinutes(14);
    static final Duration LOCK_AT_LEAST = Duration.ofMinutes(1);
    /** Unread activity older than this is not looked at for a new digest (it was in an earlier one). */
    static final Duration CANDIDATE_WINDOW = Duration.ofDays(2);

    private static final Logger log = LoggerFactory.getLogger(NotificationDigest.class);

    /** What one run did. */
    record Run(boolean ran, int members, int mails) {
    }

    private final NotificationMails mails;
    private final LockingTaskExecutor executor;
    private final Clock clock;
    private final ZoneId zone;
    private final int hour;

    NotificationDigest(NotificationMails mails, LockingTaskExecutor executor, Clock clock,
                       @Value("${moviepeople.notifications.digest-zone:UTC}") ZoneId zone,
                       @Value("${moviepeople.notifications.digest-hour:7}") int hour) {
        this.mails = mails;
        this.executor = executor;
        this.clock = clock;
        this.zone = zone;
        this.hour = hour;
    }

    @Scheduled(cron = "${moviepeople.notifications.digest-cron:0 */15 * * * *}")
    void scheduled() {
        runIfNoOtherInstanceIs(clock.instant());
    }

    /** The digests due at {@code now}, unless another instance holds the lock. */
    Run runIfNoOtherInstanceIs(Instant now) {
        Run[] result = {new Run(false, 0, 0)};
        executor.executeWithLock((Runnable) () -> result[0] = run(now),
                new LockConfiguration(now, LOCK_NAME, LOCK_AT_MOST, LOCK_AT_LEAST));
        return result[0];
    }

    /** The digests due at {@code now}, without the lock (each member's own guard still holds). */
    Run run(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (local.getHour() < hour) {
            return new Run(true, 0, 0);
        }
        List<Long> due = mails.digestCandidates(day, now.minus(CANDIDATE_WINDOW));
        AtomicInteger sent = new AtomicInteger();
        for (long member : due) {
            try {
                if (mails.digest(member, day, now)) {
                    sent.incrementAndGet();
                }
            } catch (RuntimeException e) {
                // One member's failure (a deadlock, say) does not stop the others; the next run tries again.
                log.warn("Digest for member {} failed; the next run tries again", member, e);
            }
        }
        if (sent.get() > 0) {
            log.info("Digest {}: {} mails for {} members due", day, sent.get(), due.size());
        }
        return new Run(true, due.size(), sent.get());
    }
}
