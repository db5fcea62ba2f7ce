package com.moviepeople.connections;

import com.moviepeople.shared.NotFoundException;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The connections module's API: questions about the graph for other modules, and the
 * transitions of a request. Every transition checks that the acting member may make it and
 * throws {@link NotFoundException} (nothing changed) when the connection is not theirs to touch.
 */
public interface Connections {

    /** True when the two members have an accepted connection. */
    boolean areConnected(long memberA, long memberB);

    /** The ids of the members connected to {@code memberId} (accepted connections only). */
    Set<Long> connectionIdsOf(long memberId);

    /** How many accepted connections {@code memberId} has. */
    long connectionCount(long memberId);

    /**
     * The members connected to both {@code memberA} and {@code memberB}, less {@code leaveOut}
     * (e.g. members blocked by the viewer): their number and the {@code sample} lowest ids, counted
     * in the database (a pair of well-connected members may share thousands).
     */
    MutualConnections mutualConnections(long memberA, long memberB, Collection<Long> leaveOut, int sample);

    /** Requests waiting for {@code memberId}'s answer (the navigation badge). */
    long pendingReceivedCount(long memberId);

    /**
     * The profile page's connection facts in one statement: {@code ownerId}'s connection count,
     * {@code viewerId}'s relation to them, and up to {@code sample} of their mutual connections
     * (lowest ids first) leaving out {@code leaveOut} (e.g. members blocked either way).
     */
    ProfileConnections profileConnections(long viewerId, long ownerId, Collection<Long> leaveOut, int sample);

    /**
     * {@link #profileConnections(long, long, Collection, int)} from the row of the documented SQL
     * function {@code mp_profile_connections(viewerId, ownerId)} (V48), for a module that joins it
     * into its own statement: no statement of its own, except for mutual connections not in memory.
     * {@code viewerId} null for an anonymous visitor, who gets the count only.
     */
    ProfileConnections profileConnections(Long viewerId, long ownerId, ProfileConnectionRow row,
                                          Collection<Long> leaveOut, int sample);

    /** How {@code viewerId} stands with {@code otherId}. */
    ConnectionState stateBetween(long viewerId, long otherId);

    /** {@link #stateBetween} for many members in one query (search results, lists); every id is a key. */
    Map<Long, ConnectionState> statesBetween(long viewerId, Collection<Long> otherIds);

    /**
     * {@link #stateBetween} from the row of the documented SQL function
     * {@code mp_connection_between(viewerId, otherId)} (V47), for a module that joins it into its own
     * statement.
     */
    ConnectionState stateOf(long viewerId, long otherId, ConnectionPair pair);

    /**
     * {@code requesterId} asks {@code receiverId} to connect. Accepts the receiver's own pending
     * request instead if there is one; refuses a request to oneself and during a rejection
     * cooldown; never creates a second row for the pair, even when both ask at the same moment.
     */
    RequestResult request(long requesterId, long receiverId);

    /** The receiver accepts a pending request; accepting again is harmless. Returns the requester's id. */
    long accept(long receiverId, long connectionId);

    /** The receiver rejects a pending request; rejecting again is harmless. Returns the requester's id. */
    long reject(long receiverId, long connectionId);

    /**
     * The receiver declines a pending request and blocks its sender, in one transaction: the request
     * is deleted and the block made (module blocking), so the sender cannot ask or write again.
     * Returns the requester's id.
     */
    long blockRequester(long receiverId, long connectionId);

    /** The requester withdraws a pending request. Returns the receiver's id. */
    long cancel(long requesterId, long connectionId);

    /** Either member removes an accepted connection. Returns the other member's id. */
    long remove(long memberId, long connectionId);
}
