package com.moviepeople.config;

import com.moviepeople.IntegrationTest;
import com.moviepeople.shared.CurrentMember;
import com.moviepeople.shared.Housekeeping;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hourly clean-up removes expired rate-limit buckets, old mailed links and stale remember-me
 * tokens, keeps everything still in use, and runs on one instance only: two instances' jobs
 * (each with its own lock provider, as two JVMs would have) started at once and one after the
 * other run it once.
 */
class ScheduledCleanupIntegrationTests extends IntegrationTest {

    @Autowired
    ScheduledCleanup cleanup;

    @Autowired
    List<Housekeeping> tasks;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void unlock() {
        jdbc.update("delete from shedlock");
    }

    @Test
    void removesWhatExpiredAndKeepsWhatIsInUse() {
        CurrentMember anna = newMember("anna");
        Instant now = Instant.now();
        long past = now.minus(Duration.ofMinutes(1)).toEpochMilli();
        long future = now.plus(Duration.ofMinutes(10)).toEpochMilli();
        jdbc.update("insert into rate_limit_bucket (id, state, expires_at) values ('test:old', '\\x00', ?), ('test:live', '\\x00', ?)",
                past, future);
        byte[] hashOld = new byte[32];
        byte[] hashLive = new byte[32];
        hashLive[0] = 1;
        hashOld[1] = (byte) (System.nanoTime() & 0x7f);
        hashLive[1] = hashOld[1];
        jdbc.update("""
                insert into account_token (member_id, purpose, token_hash, created_at, expires_at)
                values (?, 'RESET_PASSWORD', ?, ?, ?), (?, 'RESET_PASSWORD', ?, ?, ?)""",
                anna.id(), hashOld, Timestamp.from(now.minus(Duration.ofDays(3))), Timestamp.from(now.minus(Duration.ofDays(2))),
                anna.id(), hashLive, Timestamp.from(now.minus(Duration.ofMinutes(5))), Timestamp.from(now.plus(Duration.ofHours(1))));
        jdbc.update("insert into persistent_logins (username, series, token, last_used) values (?, ?, 't', ?), (?, ?, 't', ?)",
                anna.username(), "old-" + anna.id(), Timestamp.from(now.minus(Duration.ofDays(31))),
                anna.username(), "live-" + anna.id(), Timestamp.from(now.minus(Duration.ofDays(29))));

        assertThat(cleanup.runIfNoOtherInstanceDid()).isTrue();

        assertThat(jdbc.queryForList("select id from rate_limit_bucket where id like 'test:%'", String.class)).containsExactly("test:live");
        assertThat(jdbc.queryForObject("select count(*) from account_token where member_id = ?", Long.class, anna.id())).isOne();
        assertThat(jdbc.queryForObject("select count(*) from account_token where member_id = ? and token_hash = ?", Long.class,
                anna.id(), hashLive)).isOne();
        assertThat(jdbc.queryForList("select series from persistent_logins where username = ?", String.class, anna.username()))
                .containsExactly("live-" + anna.id());
    }

    @Test
    void twoInstancesRunItOncePerPeriod() throws Exception {
        ScheduledCleanup first = new ScheduledCleanup(tasks, new ApplicationConfiguration().lockingTaskExecutor(dataSource), Clock.systemUTC());
        ScheduledCleanup second = new ScheduledCleanup(tasks, new ApplicationConfiguration().lockingTaskExecutor(dataSource), Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> runs = pool.invokeAll(List.<Callable<Boolean>>of(first::runIfNoOtherInstanceDid,
                    second::runIfNoOtherInstanceDid));
            assertThat(runs.get(0).get() ^ runs.get(1).get()).as("exactly one of two simultaneous runs").isTrue();
        } finally {
            pool.shutdown();
        }
        assertThat(first.runIfNoOtherInstanceDid()).as("later in the same period").isFalse();
        assertThat(second.runIfNoOtherInstanceDid()).isFalse();
        // The lock outlives the run by the rest of the period; after it, the next run goes ahead.
        jdbc.update("update shedlock set lock_until = now() - interval '1 second'");
        assertThat(second.runIfNoOtherInstanceDid()).isTrue();
    }
}
