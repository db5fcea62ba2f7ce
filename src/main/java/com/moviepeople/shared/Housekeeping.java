package com.moviepeople.shared;

import java.time.Instant;

/**
 * A module's clean-up of rows nobody needs any more (expired links, tokens, rate-limit buckets).
 * Modules contribute beans; one scheduled job runs them all on one app instance at a time.
 * Each run must be safe to repeat and must delete in small batches (no long locks).
 */
public interface Housekeeping {

    /** What is cleaned, for the log. */
    String name();

    /** Deletes what expired before {@code now}; returns how many rows went. */
    long cleanUp(Instant now);

    /** Rows deleted per statement, so that no delete holds many row locks for long. */
    int BATCH = 5_000;

    /** Runs {@code deleteBatch} (a delete of at most {@link #BATCH} rows) until a batch comes back short; the total. */
    static long inBatches(java.util.function.IntSupplier deleteBatch) {
        long total = 0;
        int removed;
        do {
            removed = deleteBatch.getAsInt();
            total += removed;
        } while (removed == BATCH);
        return total;
    }
}
