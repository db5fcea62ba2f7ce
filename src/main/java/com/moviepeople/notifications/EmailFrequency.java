package com.moviepeople.notifications;

import java.util.Arrays;
import java.util.Optional;

/** How often a member gets notification e-mails; the form and the database use {@link #getValue()}. */
enum EmailFrequency {
    IMMEDIATELY("immediately", "As it happens",
            "One e-mail per notification or message, at most one per post, request or conversation every 10 minutes."),
    DAILY("daily", "Once a day",
            "One digest of what is new and unread, only on days when there is something."),
    NEVER("never", "Never", "No e-mails about activity. Account e-mails (password reset, address checks) still come.");

    private final String value;
    private final String label;
    private final String description;

    EmailFrequency(String value, String label, String description) {
        this.value = value;
        this.label = label;
        this.description = description;
    }

    public String getValue() {
        return value;
    }

    public String getLabel() {
        return label;
    }

    public String getDescription() {
        return description;
    }

    static Optional<EmailFrequency> parse(String value) {
        return Arrays.stream(values()).filter(f -> f.value.equals(value)).findFirst();
    }
}
