package com.moviepeople.accounts;

/** A moderator suspended a member: they can no longer log in, and their sessions and remember-me tokens end. */
public record MemberSuspended(long memberId, String username, long moderatorId) {
}
