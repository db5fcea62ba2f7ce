package com.moviepeople.accounts;

import com.moviepeople.shared.Housekeeping;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Mailed links a day after they expired or were used (until then a click still says "this link
 * has expired" or "already used" rather than "unknown"), and remember-me tokens unused for longer
 * than they are valid.
 */
@Component
class AccountHousekeeping implements Housekeeping {

    static final Duration KEEP_USED_OR_EXPIRED_LINKS = Duration.ofDays(1);
    static final Duration REMEMBER_ME_VALIDITY = Duration.ofDays(30);

    private final JdbcClient jdbc;

    AccountHousekeeping(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "expired account links and remember-me tokens";
    }

    @Override
    public long cleanUp(Instant now) {
        Timestamp linkCutoff = Timestamp.from(now.minus(KEEP_USED_OR_EXPIRED_LINKS));
        // persistent_logins.last_used is a timestamp without time zone that Spring Security writes
        // from a java.sql.Timestamp, as this one is bound: both in the JVM's zone.
        Timestamp tokenCutoff = Timestamp.from(now.minus(REMEMBER_ME_VALIDITY));
        return Housekeeping.inBatches(() -> jdbc.sql("""
                        delete from account_token where id in (
                            select id from account_token where expires_at < :cutoff or used_at < :cutoff limit :batch)""")
                .param("cutoff", linkCutoff).param("batch", BATCH).update())
                + Housekeeping.inBatches(() -> jdbc.sql("""
                        delete from persistent_logins where series in (
                            select series from persistent_logins where last_used < :cutoff limit :batch)""")
                .param("cutoff", tokenCutoff).param("batch", BATCH).update());
    }
}
