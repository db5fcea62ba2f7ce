package com.moviepeople.availability;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The next weeks of a member's availability as answers only (the profile's strip): the first
 * week runs from today to Sunday, the others Monday to Sunday.
 */
public record AvailabilityStrip(List<Week> weeks) {

    public static final int WEEKS = 8;

    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter TWO_LINES = DateTimeFormatter.ofPattern("d'\n'MMM", Locale.ENGLISH);

    public record Week(LocalDate first, LocalDate last, AvailabilityAnswer answer) {
        /** "7" over "Dec", the week's first day (two lines: every cell the same height). */
        public String label() {
            return TWO_LINES.format(first);
        }

        /** "7–13 Dec: Available", for the cell's accessible name. */
        public String description() {
            String days = first.getMonth() == last.getMonth()
                    ? first.getDayOfMonth() + "–" + SHORT.format(last)
                    : SHORT.format(first) + " – " + SHORT.format(last);
            return days + ": " + answer.getLabel();
        }
    }
}
