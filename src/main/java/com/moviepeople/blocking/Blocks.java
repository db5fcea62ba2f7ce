package com.moviepeople.blocking;

import java.util.Set;

/**
 * The blocking module's API. "Blocked either way" is what the other modules care about: whoever
 * blocked whom, the two see nothing of each other beyond the name and cannot reach each other.
 */
public interface Blocks {

    /** True when {@code a} blocked {@code b} or {@code b} blocked {@code a}. One indexed lookup. */
    boolean isBlockedEitherWay(long a, long b);

    /**
     * {@link #isBlockedEitherWay} for a transaction about to write something between the two (a
     * connection request, a message): first takes a transaction-scoped lock on the pair, which a
     * block of the same pair takes too. A block made at the same moment is then either seen here,
     * or made after this transaction commits (and its listeners remove what this one wrote).
     */
    boolean isBlockedEitherWayLocking(long a, long b);

    /** True when {@code blockerId} blocked {@code blockedId} (this direction only). */
    boolean hasBlocked(long blockerId, long blockedId);

    /**
     * The members {@code viewerId} blocked and the members who blocked {@code viewerId}: those to
     * leave out of whatever the viewer sees (feed, comments, search results, lists).
     */
    Set<Long> blockedIdsOf(long viewerId);

    /**
     * {@code blockerId} blocks {@code blockedId} as part of another module's action (declining a
     * connection request and blocking its sender in one step). Joins the caller's transaction and
     * publishes {@link MemberBlocked} inside it, so the listeners' clean-up commits with the caller's
     * work. Returns false when the block already existed (nothing changes then).
     *
     * @throws IllegalArgumentException for a block of oneself
     * @throws com.moviepeople.shared.NotFoundException when either account no longer exists
     */
    boolean block(long blockerId, long blockedId);

    /** {@link #blockedIdsOf} as an array for SQL ({@code author_id <> all(:blocked)}); empty when none. */
    default long[] blockedIdArrayOf(long viewerId) {
        return blockedIdsOf(viewerId).stream().mapToLong(Long::longValue).toArray();
    }
}
