package com.moviepeople.connections;

import java.util.Locale;

/**
 * The optional note sent with a connection request (form field {@code note}), as stored: line
 * endings unified, tabs as spaces, other control characters dropped (PostgreSQL text cannot hold
 * NUL; line breaks stay), trimmed. Blank means no note: {@code text} is null then.
 */
record RequestNote(String text) {

    /** In code points, as the database's {@code char_length} check counts (an emoji is one). */
    static final int MAX_LENGTH = 300;

    static final RequestNote NONE = new RequestNote(null);

    RequestNote {
        text = normalize(text);
    }

    boolean present() {
        return text != null;
    }

    /** Why this note cannot go with a request from this member, or null when it can (or there is none). */
    String problemFor(boolean senderVerified) {
        if (text == null) {
            return null;
        }
        // Spam accounts rarely verify: an unverified member's request goes out bare.
        if (!senderVerified) {
            return "Confirm your e-mail address to add a note. You can send the request without one.";
        }
        int length = text.codePointCount(0, text.length());
        if (length > MAX_LENGTH) {
            return "Keep the note to " + MAX_LENGTH + " characters; this one has "
                    + String.format(Locale.ENGLISH, "%,d", length) + ". The request was not sent.";
        }
        return null;
    }

    private static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String text = raw.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ')
                .replaceAll("[\\p{Cntrl}&&[^\n]]", "").strip();
        // No-break and other Unicode spaces only: as blank as an empty field.
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)) ? null : text;
    }
}
