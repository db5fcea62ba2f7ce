package com.moviepeople.messaging;

import java.util.Locale;

/** How a conversation partner is named and pictured, including one who deleted their account. */
final class MemberNames {

    static final String DELETED_MEMBER = "Deleted member";

    private MemberNames() {
    }

    /** Up to two initials for the photo placeholder: "Agnieszka Kowalska" → "AK"; "?" for nobody. */
    static String initials(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return "?";
        }
        StringBuilder initials = new StringBuilder(4);
        int count = 0;
        for (String word : displayName.strip().split("\\s+")) {
            int first = word.isEmpty() ? 0 : word.codePointAt(0);
            if (Character.isLetterOrDigit(first)) {
                initials.appendCodePoint(first);
                if (++count == 2) {
                    break;
                }
            }
        }
        return initials.isEmpty() ? "?" : initials.toString().toUpperCase(Locale.ROOT);
    }
}
