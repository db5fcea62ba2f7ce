package com.moviepeople.availability;

/**
 * Add or change one of my ranges. Dates arrive as the date field sends them ({@code 2027-03-01})
 * and are checked by {@link AvailabilityService#validate}, so an impossible day gets its own
 * message instead of a binding error; {@code holdRank} (1 or 2) counts only for a hold.
 */
record AvailabilityForm(String startDate, String endDate, String status, String holdRank, String note) {

    static final int NOTE_MAX = 200;

    AvailabilityForm {
        startDate = startDate == null ? "" : startDate.strip();
        endDate = endDate == null ? "" : endDate.strip();
        status = status == null ? "" : status.strip();
        holdRank = holdRank == null ? "" : holdRank.strip();
        note = note == null ? "" : note.replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
    }

    static AvailabilityForm empty() {
        return new AvailabilityForm("", "", "available", "", "");
    }

    static AvailabilityForm of(AvailabilityRange range) {
        return new AvailabilityForm(range.startDate().toString(), range.endDate().toString(), range.status().getValue(),
                range.holdRank() == null ? "" : range.holdRank().toString(), range.note() == null ? "" : range.note());
    }
}
