package com.moviepeople.availability;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What a range says about its days. Forms and URLs use {@link #getValue()}; the database the name. */
public enum AvailabilityStatus {
    AVAILABLE("available", "Available"),
    HOLD("hold", "On hold"),
    BOOKED("booked", "Booked");

    static final List<AvailabilityStatus> ALL = List.of(values());

    private final String value;
    private final String label;

    AvailabilityStatus(String value, String label) {
        this.value = value;
        this.label = label;
    }

    public String getValue() {
        return value;
    }

    public String getLabel() {
        return label;
    }

    static Optional<AvailabilityStatus> fromValue(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }
}
