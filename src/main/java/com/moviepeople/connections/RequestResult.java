package com.moviepeople.connections;

/**
 * What a connection request did, and the resulting state between the two members.
 */
public record RequestResult(Outcome outcome, ConnectionState state) {

    public enum Outcome {
        /** A new pending request was stored. */
        SENT,
        /** The other member had already asked: their request was accepted instead. */
        ACCEPTED_THEIRS,
        /** The request had already been sent and is still pending: nothing changed. */
        ALREADY_SENT,
        /** They were already connected: nothing changed. */
        ALREADY_CONNECTED,
        /** The other member rejected a request recently: refused until {@code state().retryAfter()}. */
        COOLDOWN,
        /** A request to oneself: refused, nothing stored. */
        SELF
    }

    /** True when the request left the two members connected or with a pending request. */
    public boolean accepted() {
        return outcome != Outcome.COOLDOWN && outcome != Outcome.SELF;
    }
}
