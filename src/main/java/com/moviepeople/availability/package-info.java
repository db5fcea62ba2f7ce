/**
 * Availability: members keep date ranges (available, on hold, booked) with private notes, and
 * others learn only an answer per asked period ({@code available}, {@code partly},
 * {@code unavailable}), if the member's visibility lets them. Public API:
 * {@link com.moviepeople.availability.Availability} (the profile's eight-week strip, the answer for
 * one period) and its view records. People search reads the documented SQL functions
 * {@code mp_available_to(member, viewer, first_day, last_day, with_partly)} (one candidate) and
 * {@code mp_available_members(viewer, first_day, last_day, with_partly)} (all members at once,
 * V53), which apply the same rule and the same visibility as {@code mp_availability} (V30) in the
 * database, from each member's calendar ({@code availability_calendar}, kept from the ranges by
 * triggers). A private iCalendar feed serves the member's own calendar app.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package com.moviepeople.availability;
