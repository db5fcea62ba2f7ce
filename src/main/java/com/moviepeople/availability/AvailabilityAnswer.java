package com.moviepeople.availability;

import java.util.Optional;

/**
 * All that others learn about a period: every day available, some days available and none
 * booked, or neither. Computed by the SQL function {@code mp_availability} (V30).
 */
public enum AvailabilityAnswer {
    AVAILABLE("available", "Available"),
    PARTLY("partly", "Partly available"),
    UNAVAILABLE("unavailable", "Not available");

    private final String value;
    private final String label;

    AvailabilityAnswer(String value, String label) {
        this.value = value;
        this.label = label;
    }

    /** As in {@code data-availability} and the SQL function's result. */
    public String getValue() {
        return value;
    }

    public String getLabel() {
        return label;
    }

    /** The SQL function's answer; empty for NULL (the viewer may not know). */
    static Optional<AvailabilityAnswer> fromSql(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (AvailabilityAnswer a : values()) {
            if (a.value.equals(value)) {
                return Optional.of(a);
            }
        }
        throw new IllegalStateException("Unknown availability answer: " + value);
    }
}
