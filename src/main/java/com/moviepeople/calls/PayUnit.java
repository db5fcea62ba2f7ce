package com.moviepeople.calls;

import java.util.Arrays;
import java.util.Optional;

/** What a pay rate is per; the form and the database use {@link #getValue()}. */
enum PayUnit {
    HOUR("hour", "an hour", "/ hour"), DAY("day", "a day", "/ day"), WEEK("week", "a week", "/ week"), FLAT("flat", "flat fee", "flat");

    private final String value;
    private final String label;
    private final String suffix;

    PayUnit(String value, String label, String suffix) {
        this.value = value;
        this.label = label;
        this.suffix = suffix;
    }

    public String getValue() {
        return value;
    }

    public String getLabel() {
        return label;
    }

    String suffix() {
        return suffix;
    }

    static Optional<PayUnit> parse(String value) {
        return Arrays.stream(values()).filter(u -> u.value.equals(value)).findFirst();
    }
}
