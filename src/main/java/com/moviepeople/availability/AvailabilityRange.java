package com.moviepeople.availability;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One of my ranges, as only I see it (with its note). */
record AvailabilityRange(long id, LocalDate startDate, LocalDate endDate, AvailabilityStatus status, Integer holdRank,
                         String note) {

    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

    /** "1–31 Mar 2027", "28 Dec 2026 – 3 Jan 2027", "Mon 1 Mar 2027". */
    public String getDates() {
        if (startDate.equals(endDate)) {
            return WEEKDAY.format(startDate);
        }
        if (startDate.getYear() != endDate.getYear()) {
            return FULL.format(startDate) + " – " + FULL.format(endDate);
        }
        if (startDate.getMonth() != endDate.getMonth()) {
            return DAY_MONTH.format(startDate) + " – " + FULL.format(endDate);
        }
        return startDate.getDayOfMonth() + "–" + FULL.format(endDate);
    }

    /** "Available", "First hold", "Second hold", "Booked". */
    public String getStatusLabel() {
        if (status == AvailabilityStatus.HOLD) {
            return holdRank != null && holdRank == 2 ? "Second hold" : "First hold";
        }
        return status.getLabel();
    }

    public long getDays() {
        return java.time.temporal.ChronoUnit.DAYS.between(startDate, endDate) + 1;
    }
}
