package com.moviepeople.blocking;

/**
 * {@code blockerId} blocked {@code blockedId}. Published inside the blocking transaction, so that
 * synchronous listeners (connections removes the pair's connection or request) commit with it.
 */
public record MemberBlocked(long blockerId, long blockedId) {
}
