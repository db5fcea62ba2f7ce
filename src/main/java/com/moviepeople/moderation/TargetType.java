package com.moviepeople.moderation;

import java.util.Locale;
import java.util.Optional;

/** What a report is about; the form sends the lower-case name ({@code member}, {@code post}, …). */
enum TargetType {
    MEMBER, POST, COMMENT, MESSAGE, CALL;

    static Optional<TargetType> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (TargetType type : values()) {
            if (type.name().equalsIgnoreCase(value.strip())) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    String formValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
