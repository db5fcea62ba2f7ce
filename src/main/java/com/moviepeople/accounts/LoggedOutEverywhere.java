package com.moviepeople.accounts;

/**
 * A member asked to be logged out everywhere: every other session ends and every remember-me
 * token goes. {@code keepSessionId} is the session that asked (it stays logged in).
 */
public record LoggedOutEverywhere(long memberId, String username, String keepSessionId) {
}
