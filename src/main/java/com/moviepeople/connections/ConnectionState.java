package com.moviepeople.connections;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * How a viewer stands with another member: exactly one of the states a profile page shows.
 *
 * @param kind         the state
 * @param connectionId the connection row the forms act on; null for {@link Kind#NONE} and {@link Kind#SELF}
 * @param retryAfter   for {@link Kind#REJECTED_COOLDOWN}: when the viewer may ask again; otherwise null
 */
public record ConnectionState(Kind kind, Long connectionId, Instant retryAfter) {

    public enum Kind {
        /** The viewer is looking at themself: no connection controls. */
        SELF,
        /** No relation: the viewer may send a request. */
        NONE,
        /** The viewer asked, the other has not answered: the viewer may cancel. */
        REQUEST_SENT,
        /** The other asked the viewer: the viewer may accept or reject. */
        REQUEST_RECEIVED,
        /** Connected: they may message each other, and either may remove the connection. */
        CONNECTED,
        /** The other rejected the viewer's request recently: no new request before {@code retryAfter}. */
        REJECTED_COOLDOWN
    }

    private static final ConnectionState SELF_STATE = new ConnectionState(Kind.SELF, null, null);
    private static final ConnectionState NONE_STATE = new ConnectionState(Kind.NONE, null, null);

    public ConnectionState {
        if (kind == null) {
            throw new IllegalArgumentException("kind is required");
        }
    }

    public static ConnectionState self() {
        return SELF_STATE;
    }

    public static ConnectionState none() {
        return NONE_STATE;
    }

    public boolean isSelf() {
        return kind == Kind.SELF;
    }

    public boolean isNone() {
        return kind == Kind.NONE;
    }

    public boolean isRequestSent() {
        return kind == Kind.REQUEST_SENT;
    }

    public boolean isRequestReceived() {
        return kind == Kind.REQUEST_RECEIVED;
    }

    public boolean isConnected() {
        return kind == Kind.CONNECTED;
    }

    public boolean isRejectedCooldown() {
        return kind == Kind.REJECTED_COOLDOWN;
    }

    /** The day (UTC) from which a new request is possible; null unless in cooldown. */
    public LocalDate retryAfterDate() {
        return retryAfter == null ? null : LocalDate.ofInstant(retryAfter, ZoneOffset.UTC);
    }
}
