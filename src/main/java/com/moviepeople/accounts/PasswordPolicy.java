package com.moviepeople.accounts;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import org.springframework.stereotype.Component;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * NIST SP 800-63B style: length (10–256), no composition rules, but never a password from the
 * 100,000 most common ones (the list nbvcxz ships), never the member's own username or e-mail,
 * and never something nbvcxz estimates as trivially guessable ("aaaaaaaaaa", "qwertyuiop").
 */
@Component
class PasswordPolicy {

    static final String COMMON = "This password is one of the most common ones and would be guessed quickly. Please choose another.";
    static final String PERSONAL = "Your password must not be your username or e-mail address.";
    static final String GUESSABLE = "This password is too easy to guess (repeats or keyboard patterns). A few random words work well.";

    /** About 10^8 guesses: far above common patterns, far below what a long passphrase reaches. */
    private static final double MINIMUM_ENTROPY_BITS = 27;

    private final Set<String> commonPasswords;
    private final Nbvcxz estimator;

    PasswordPolicy() {
        this.commonPasswords = loadCommonPasswords();
        this.estimator = new Nbvcxz(new ConfigurationBuilder().setMinimumEntropy(MINIMUM_ENTROPY_BITS).createConfiguration());
    }

    /** @return why this password is refused, or {@code null} when it is fine (length is checked by the form) */
    String problemWith(String password, String username, String email) {
        if (password == null || password.length() < PasswordRules.MIN_LENGTH || password.length() > PasswordRules.MAX_LENGTH) {
            return null;
        }
        String folded = password.strip().toLowerCase(Locale.ROOT);
        if (folded.equals(lower(username)) || folded.equals(lower(email)) || folded.equals(localPart(email))) {
            return PERSONAL;
        }
        if (commonPasswords.contains(folded)) {
            return COMMON;
        }
        if (!estimator.estimate(password).isMinimumEntropyMet()) {
            return GUESSABLE;
        }
        return null;
    }

    private static String lower(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }

    private static String localPart(String email) {
        String lower = lower(email);
        int at = lower.indexOf('@');
        return at > 0 ? lower.substring(0, at) : lower;
    }

    private static Set<String> loadCommonPasswords() {
        Set<String> words = new HashSet<>(150_000);
        try (InputStream in = Nbvcxz.class.getResourceAsStream("/dictionaries/passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("nbvcxz's password list is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                String word = line.strip().toLowerCase(Locale.ROOT);
                if (word.length() >= PasswordRules.MIN_LENGTH) {
                    words.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
