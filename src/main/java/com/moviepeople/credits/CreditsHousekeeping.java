package com.moviepeople.credits;

import com.moviepeople.shared.Housekeeping;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Productions nobody took a credit on: created, then left (the member never added their credit).
 * Productions whose credits are deleted go at once (a trigger, V25); these wait a day, so that
 * whoever just created one has time to add a credit.
 */
@Component
class CreditsHousekeeping implements Housekeeping {

    static final Duration KEEP_EMPTY_PRODUCTIONS = Duration.ofDays(1);

    private final JdbcClient jdbc;

    CreditsHousekeeping(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "productions without credits";
    }

    @Override
    public long cleanUp(Instant now) {
        Timestamp cutoff = Timestamp.from(now.minus(KEEP_EMPTY_PRODUCTIONS));
        return Housekeeping.inBatches(() -> jdbc.sql("""
                        delete from production where id in (
                            select p.id from production p
                            where p.created_at < :cutoff and not exists (select 1 from credit c where c.production_id = p.id)
                            limit :batch)""")
                .param("cutoff", cutoff).param("batch", BATCH).update());
    }
}
