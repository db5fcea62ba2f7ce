package com.moviepeople.accounts;

/**
 * Length is the rule that matters (NIST SP 800-63B): at least 10 characters, long passphrases
 * welcome. Argon2id hashes any length, so there is no 72-byte BCrypt truncation; the upper bound
 * only keeps hashing cheap for a hostile client.
 */
final class PasswordRules {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 256;

    private PasswordRules() {
    }
}
