package com.moviepeople.accounts;

/**
 * A member's password was changed or reset: their other sessions and remember-me tokens must
 * end. {@code keepSessionId} is the session that made the change (null after a reset by e-mail).
 */
public record PasswordChanged(long memberId, String username, String keepSessionId) {
}
