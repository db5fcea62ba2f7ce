package com.moviepeople.availability;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A period someone asks about: calendar days {@code first} to {@code last}, both included.
 * {@link #parse} turns the two form fields of a search into one, with a message per field.
 */
public record AvailabilityPeriod(LocalDate first, LocalDate last) {

    /** The longest period one may ask about: a year. */
    public static final int MAX_DAYS = 366;
    /** How far ahead members keep ranges (and so how far ahead asking makes sense). */
    public static final int YEARS_AHEAD = 3;

    public AvailabilityPeriod {
        if (first.isAfter(last)) {
            throw new IllegalArgumentException("A period ends on or after its first day");
        }
    }

    public long days() {
        return ChronoUnit.DAYS.between(first, last) + 1;
    }

    /**
     * Both fields, or neither (no period, no errors). A period starting before {@code today} is
     * asked from today: past days drop out of every answer.
     */
    public static Parsed parse(String from, String to, LocalDate today) {
        String f = from == null ? "" : from.strip();
        String t = to == null ? "" : to.strip();
        if (f.isEmpty() && t.isEmpty()) {
            return new Parsed(null, null, null);
        }
        Optional<LocalDate> first = date(f);
        Optional<LocalDate> last = date(t);
        String fromError = f.isEmpty() ? "Enter the first day too." : first.isEmpty() ? notADate(f) : null;
        String toError = t.isEmpty() ? "Enter the last day too (the same day for one day)." : last.isEmpty() ? notADate(t) : null;
        if (fromError != null || toError != null) {
            return new Parsed(null, fromError, toError);
        }
        if (last.get().isBefore(first.get())) {
            return new Parsed(null, null, "The last day is before the first.");
        }
        if (last.get().isBefore(today)) {
            return new Parsed(null, null, "This period is over: ask about today or later.");
        }
        LocalDate start = first.get().isBefore(today) ? today : first.get();
        if (last.get().isAfter(today.plusYears(YEARS_AHEAD))) {
            return new Parsed(null, null, "Ask about at most " + YEARS_AHEAD + " years ahead.");
        }
        AvailabilityPeriod period = new AvailabilityPeriod(start, last.get());
        if (period.days() > MAX_DAYS) {
            return new Parsed(null, null, "Ask about at most a year at a time.");
        }
        return new Parsed(period, null, null);
    }

    /** A date as the date field sends it ({@code 2027-03-01}); impossible days such as 2027-02-30 are not dates. */
    static Optional<LocalDate> date(String text) {
        if (text == null || text.length() != 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static String notADate(String text) {
        return text.matches("\\d{4}-\\d{2}-\\d{2}")
                ? "There is no such day in the calendar."
                : "Enter a date like 2027-03-01.";
    }

    /** The period, or the message for each field that is wrong. */
    public record Parsed(AvailabilityPeriod period, String fromError, String toError) {
        public boolean hasErrors() {
            return fromError != null || toError != null;
        }

        public boolean isEmpty() {
            return period == null && !hasErrors();
        }
    }
}
