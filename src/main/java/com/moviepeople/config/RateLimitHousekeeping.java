package com.moviepeople.config;

import com.moviepeople.shared.Housekeeping;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Stored rate-limit buckets whose allowance has fully come back: Bucket4j would treat a missing
 * row the same, so they only take space (login-failure keys are whatever was typed at the login form).
 */
@Component
class RateLimitHousekeeping implements Housekeeping {

    private final JdbcClient jdbc;

    RateLimitHousekeeping(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "expired rate-limit buckets";
    }

    @Override
    public long cleanUp(Instant now) {
        // Small batches: a bucket in use is locked only for a moment, and a busy one is skipped.
        return Housekeeping.inBatches(() -> jdbc.sql("""
                        delete from rate_limit_bucket where id in (
                            select id from rate_limit_bucket where expires_at < :now limit :batch
                            for update skip locked)""")
                .param("now", now.toEpochMilli()).param("batch", BATCH).update());
    }
}
