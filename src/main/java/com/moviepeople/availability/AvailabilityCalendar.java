package com.moviepeople.availability;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.DateEnd;
import biweekly.property.DateStart;
import biweekly.property.Status;
import biweekly.property.Transparency;
import biweekly.util.DateTimeComponents;
import biweekly.util.ICalDate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;

/**
 * My ranges as an iCalendar feed (RFC 5545) for my own calendar app: all-day events, the end
 * exclusive as the RFC wants it; holds tentative, bookings busy, available days free.
 * Written by biweekly, which escapes and folds the text.
 */
final class AvailabilityCalendar {

    private AvailabilityCalendar() {
    }

    static String write(List<AvailabilityRange> ranges, Instant now) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//MoviePeople//Availability//EN");
        calendar.addExperimentalProperty("X-WR-CALNAME", "MoviePeople availability");
        calendar.addExperimentalProperty("X-PUBLISHED-TTL", "PT1H");
        for (AvailabilityRange range : ranges) {
            VEvent event = new VEvent();
            event.setUid("availability-" + range.id() + "@moviepeople");
            event.setDateTimeStamp(Date.from(now));
            event.setDateStart(new DateStart(day(range.startDate())));
            event.setDateEnd(new DateEnd(day(range.endDate().plusDays(1))));
            event.setSummary(range.getStatusLabel());
            if (range.note() != null) {
                event.setDescription(range.note());
            }
            switch (range.status()) {
                case AVAILABLE -> event.setTransparency(Transparency.transparent());
                case HOLD -> {
                    event.setTransparency(Transparency.opaque());
                    event.setStatus(Status.tentative());
                }
                case BOOKED -> {
                    event.setTransparency(Transparency.opaque());
                    event.setStatus(Status.confirmed());
                }
            }
            calendar.addEvent(event);
        }
        return Biweekly.write(calendar).go();
    }

    /** A date without a time: written as the calendar date itself, whatever the server's zone. */
    private static ICalDate day(LocalDate date) {
        return new ICalDate(new DateTimeComponents(date.getYear(), date.getMonthValue(), date.getDayOfMonth()), false);
    }
}
