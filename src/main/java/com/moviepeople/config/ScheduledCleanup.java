package com.moviepeople.config;

import com.moviepeople.shared.Housekeeping;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs every module's {@link Housekeeping} once per period across all app instances
 * ({@code moviepeople.cleanup.cron}, hourly by default; {@code -} turns it off). ShedLock keeps a
 * lock row in PostgreSQL ({@code shedlock}, database time, so instances' clocks do not matter):
 * the first instance takes it and holds it for at least {@link #LOCK_AT_LEAST}, so the others'
 * runs in the same hour find it taken and skip.
 */
@Component
class ScheduledCleanup {

    static final String LOCK_NAME = "housekeeping";
    static final Duration LOCK_AT_LEAST = Duration.ofMinutes(50);
    static final Duration LOCK_AT_MOST = Duration.ofMinutes(55);

    private static final Logger log = LoggerFactory.getLogger(ScheduledCleanup.class);

    private final List<Housekeeping> tasks;
    private final LockingTaskExecutor executor;
    private final Clock clock;

    ScheduledCleanup(List<Housekeeping> tasks, LockingTaskExecutor executor, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
        this.executor = executor;
    }

    @Scheduled(cron = "${moviepeople.cleanup.cron:0 17 * * * *}")
    void scheduled() {
        runIfNoOtherInstanceDid();
    }

    /** Cleans up, unless another instance did within the lock period; whether this instance ran it. */
    boolean runIfNoOtherInstanceDid() {
        AtomicBoolean ran = new AtomicBoolean();
        executor.executeWithLock((Runnable) () -> {
            ran.set(true);
            for (Housekeeping task : tasks) {
                try {
                    long removed = task.cleanUp(clock.instant());
                    if (removed > 0) {
                        log.info("Clean-up: removed {} {}", removed, task.name());
                    }
                } catch (RuntimeException e) {
                    // One failing task (the database busy, say) does not keep the others from running.
                    log.warn("Clean-up of {} failed; it runs again next time", task.name(), e);
                }
            }
        }, new LockConfiguration(clock.instant(), LOCK_NAME, LOCK_AT_MOST, LOCK_AT_LEAST));
        return ran.get();
    }
}
