package com.moviepeople.feed;

import org.springframework.validation.Errors;

/**
 * The text of a post or a comment (form field {@code content}). Line breaks are kept, other
 * control characters dropped; surrounding whitespace is never meant.
 */
record ContentForm(String content) {

    static final int MAX_LENGTH = 5000;
    static final String BLANK = "Write something first.";
    static final String TOO_LONG = "Keep it to " + String.format("%,d", MAX_LENGTH) + " characters.";

    ContentForm {
        content = normalize(content);
    }

    static ContentForm empty() {
        return new ContentForm("");
    }

    /** CRLF as LF, no control characters but line breaks and tabs (PostgreSQL refuses NUL), trimmed. */
    static String normalize(String s) {
        return s == null ? "" : s.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[\\p{Cntrl}&&[^\n\t]]", "").strip();
    }

    /** The message for text that cannot be posted, or null. Counts characters as the database does (code points). */
    static String problemWith(String normalized) {
        if (normalized.isEmpty()) {
            return BLANK;
        }
        if (normalized.codePointCount(0, normalized.length()) > MAX_LENGTH) {
            return TOO_LONG;
        }
        return null;
    }

    void validate(Errors errors) {
        String problem = problemWith(content);
        if (problem != null) {
            errors.rejectValue("content", problem == BLANK ? "content.blank" : "content.tooLong", problem);
        }
    }
}
