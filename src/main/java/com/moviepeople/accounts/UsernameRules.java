package com.moviepeople.accounts;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Usernames appear in URLs ({@code /people/anna}), so they are short, lower-case and never a route name. */
public final class UsernameRules {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 30;
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9._-]+");

    /** Names that are routes, roles or could be mistaken for the staff. */
    static final Set<String> RESERVED = Set.of(
            "admin", "administrator", "root", "system", "support", "help", "staff", "moderator", "moviepeople",
            "login", "logout", "signup", "register", "feed", "search", "messages", "message", "connections",
            "people", "profile", "profiles", "portfolio", "posts", "comments", "settings", "password",
            "verify-email", "api", "actuator", "error", "webjars", "css", "js", "images", "static",
            "about", "terms", "privacy", "security", "null", "undefined", "me", "you", "new", "edit",
            // /messages/stream and /messages/unread (live updates) would hide such a member's conversation.
            "stream", "unread",
            // First path segments of the later features (ROUTES.md, "Added by later issues").
            "productions", "credits", "availability", "notifications", "calls", "media", "unsubscribe");

    private static final Set<String> RESERVED_SKELETONS = RESERVED.stream().map(UsernameRules::skeleton)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private UsernameRules() {
    }

    /** NFKC first, so that full-width or styled letters ("ａｎｎａ") become plain ones before the rules apply. */
    public static String normalize(String raw) {
        return raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * What a username looks like at a glance: separators dropped, 0→o, 1/i→l, rn→m, vv→w. Two
     * members may not share a skeleton (enforced by a unique index on the same SQL function).
     */
    static String skeleton(String username) {
        StringBuilder folded = new StringBuilder(username.length());
        for (char c : username.toLowerCase(Locale.ROOT).toCharArray()) {
            switch (c) {
                case '.', '_', '-' -> { }
                case '0' -> folded.append('o');
                case '1', 'i' -> folded.append('l');
                default -> folded.append(c);
            }
        }
        return folded.toString().replace("rn", "m").replace("vv", "w");
    }

    /** @return the problem with this (normalized) username, or {@code null} if it is fine */
    static String problemWith(String username) {
        if (username.isEmpty()) {
            return "Choose a username.";
        }
        if (username.length() < MIN_LENGTH || username.length() > MAX_LENGTH) {
            return "Usernames are " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long.";
        }
        if (!ALLOWED.matcher(username).matches()) {
            return "Use only letters a–z, digits, dots, dashes and underscores.";
        }
        if (RESERVED.contains(username) || RESERVED_SKELETONS.contains(skeleton(username))) {
            return "This username is reserved. Please choose another.";
        }
        return null;
    }
}
