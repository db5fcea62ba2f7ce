package com.moviepeople.shared;

/**
 * Named limits ({@code moviepeople.rate-limits.<name>=<count>/<period>}, e.g. {@code 10/1h}) applied
 * per key (a member id, a client address, an e-mail address). Buckets live in PostgreSQL, so every
 * app instance sees the same counts.
 */
public interface RateLimiter {

    /** Takes one token; {@code false} when the limit is reached (then nothing should happen). */
    boolean tryConsume(String limit, String key);

    /** Whether the limit is reached, without taking a token. */
    boolean isExhausted(String limit, String key);

    /** Forgets the key's usage (e.g. failed logins after a successful one). */
    void reset(String limit, String key);

    /**
     * Takes one token of each named limit for the member (e.g. a one-minute burst limit and a daily
     * one), or throws {@link RateLimitExceededException} (answered with 429). Call it before the
     * work's transaction starts, after the input has been validated.
     */
    default void consumeForMember(long memberId, String... limits) {
        for (String limit : limits) {
            consumeOrThrow(limit, Long.toString(memberId));
        }
    }

    /** {@link #tryConsume} or throw {@link RateLimitExceededException} (answered with 429). */
    default void consumeOrThrow(String limit, String key) {
        if (!tryConsume(limit, key)) {
            throw new RateLimitExceededException();
        }
    }
}
