package com.moviepeople.availability;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Who may learn a member's answers. The default is {@link #CONNECTIONS}. */
public enum AvailabilityVisibility {
    EVERYONE("everyone", "Every logged-in member"),
    CONNECTIONS("connections", "My connections"),
    NOBODY("nobody", "Nobody but me");

    static final List<AvailabilityVisibility> ALL = List.of(values());

    private final String value;
    private final String label;

    AvailabilityVisibility(String value, String label) {
        this.value = value;
        this.label = label;
    }

    public String getValue() {
        return value;
    }

    public String getLabel() {
        return label;
    }

    static Optional<AvailabilityVisibility> fromValue(String value) {
        return Arrays.stream(values()).filter(v -> v.value.equals(value)).findFirst();
    }
}
