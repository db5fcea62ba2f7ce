package com.moviepeople.moderation;

import java.util.Optional;

/** The optional kind of problem a reporter names. */
enum ReportCategory {
    SPAM("Spam or scam"),
    HARASSMENT("Harassment or hate"),
    IMPERSONATION("Pretending to be someone else"),
    INAPPROPRIATE("Inappropriate content"),
    OTHER("Something else");

    private final String label;

    ReportCategory(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static Optional<ReportCategory> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (ReportCategory category : values()) {
            if (category.name().equalsIgnoreCase(value.strip())) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
