package com.moviepeople.shared;

import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Generated avatars until members can upload photos: up to two initials on one of a few calm
 * colours, picked from the name so that a person always looks the same. Used by
 * {@code templates/fragments/avatar.html} as {@code ${@avatars.initials(name)}} and
 * {@code ${@avatars.tone(name)}} (a CSS class suffix, never a style attribute: the CSP forbids them).
 */
@Component("avatars")
public class Avatars {

    /** How many {@code .avatar-tone-N} classes app.css defines. */
    public static final int TONES = 6;

    /** "Agnieszka Kowalska" → "AK", "ana" → "A", "?" when there is nothing to show. */
    public String initials(String name) {
        return initialsOf(name);
    }

    /** The same, for code outside templates. */
    public static String initialsOf(String name) {
        if (name == null || name.isBlank()) {
            return "?";
        }
        // Words are separated by runs of ASCII white space, dots, underscores and hyphens; the first
        // character of each word counts when it is a letter or digit. Read character by character:
        // String.split compiled its pattern on every call, 6 % of a search page's allocations.
        String text = name.strip();
        StringBuilder initials = new StringBuilder(4);
        int count = 0;
        boolean wordStart = true;
        for (int i = 0, c; i < text.length(); i += Character.charCount(c)) {
            c = text.codePointAt(i);
            if (separates(c)) {
                wordStart = true;
            } else if (wordStart) {
                wordStart = false;
                if (Character.isLetterOrDigit(c)) {
                    initials.appendCodePoint(c);
                    if (++count == 2) {
                        break;
                    }
                }
            }
        }
        return initials.isEmpty() ? "?" : initials.toString().toUpperCase(Locale.ROOT);
    }

    /** What separates the words of a name: what the pattern {@code [\s._-]} matches. */
    private static boolean separates(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == '.' || c == '_' || c == '-';
    }

    /** 0 … TONES-1, stable for a name (String.hashCode is specified, so it survives restarts). */
    public int tone(String name) {
        return toneOf(name);
    }

    /** The same, for code outside templates. */
    public static int toneOf(String name) {
        return name == null ? 0 : Math.floorMod(name.strip().toLowerCase(Locale.ROOT).hashCode(), TONES);
    }
}
