/**
 * Availability: members keep date ranges (available, on hold, booked) with private notes, and
 * others learn only an answer per asked period ({@code available}, {@code partly},
 * {@code unavailable}), if the member's visibility lets them. Public API:
 * {@link com.moviepeople.availability.Availability} (the profile's eight-week strip, the answer for
 * one period) and its view records. People search reads the documented SQL function
 * {@code mp_availability(member, viewer, first_day, last_day)} (V30), which applies the same
 * rule and the same visibility in the database. A private iCalendar feed serves the member's own
 * calendar app.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package com.moviepeople.availability;
