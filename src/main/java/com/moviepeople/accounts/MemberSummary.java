package com.moviepeople.accounts;

/** What other modules may know about a member: enough to show and link to them. */
public record MemberSummary(long id, String username, String displayName) {
}
