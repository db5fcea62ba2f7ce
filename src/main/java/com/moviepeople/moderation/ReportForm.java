package com.moviepeople.moderation;

import org.springframework.validation.Errors;

/**
 * {@code POST /reports}: {@code targetType} (member, post, comment, message), {@code targetId},
 * {@code reason} (10–1,000 characters) and an optional {@code category}. Only these four fields
 * bind: who reports comes from the session, the status and the author from the server.
 */
record ReportForm(String targetType, String targetId, String reason, String category) {

    static final int REASON_MIN = 10;
    static final int REASON_MAX = 1000;

    static ReportForm of(String targetType, String targetId) {
        return new ReportForm(targetType, targetId, "", "");
    }

    /** The reason as stored: line endings unified, NUL characters dropped, trimmed. */
    String normalizedReason() {
        return reason == null ? "" : reason.replace("\r\n", "\n").replace('\r', '\n').replace("\u0000", "").strip();
    }

    /** The target's id, or -1 when it is missing or not a number we could have issued. */
    long parsedTargetId() {
        if (targetId == null || targetId.isBlank() || targetId.length() > 18) {
            return -1;
        }
        try {
            long id = Long.parseLong(targetId.strip());
            return id > 0 ? id : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    void validate(Errors errors) {
        if (TargetType.parse(targetType).isEmpty()) {
            errors.rejectValue("targetType", "targetType.invalid", "Choose what you are reporting.");
        }
        if (parsedTargetId() < 0) {
            errors.rejectValue("targetId", "targetId.invalid", "That is not something you can report.");
        }
        String text = normalizedReason();
        int length = text.codePointCount(0, text.length());
        if (length < REASON_MIN) {
            errors.rejectValue("reason", "reason.short", "Tell the moderators in a few words what is wrong (at least 10 characters).");
        } else if (length > REASON_MAX) {
            errors.rejectValue("reason", "reason.long", "Please keep it to 1,000 characters; this has "
                    + String.format(java.util.Locale.ENGLISH, "%,d", length) + ".");
        }
        if (category != null && !category.isBlank() && ReportCategory.parse(category).isEmpty()) {
            errors.rejectValue("category", "category.invalid", "Choose one of the listed kinds, or none.");
        }
    }
}
