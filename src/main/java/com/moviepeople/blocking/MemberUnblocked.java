package com.moviepeople.blocking;

/** {@code blockerId} lifted their block of {@code blockedId}; nothing that the block removed comes back. */
public record MemberUnblocked(long blockerId, long blockedId) {
}
