/**
 * Crew calls: a job posted with the pay stated (or plainly unpaid), browsed and filtered by role,
 * place, dates and pay; applications with a note and chosen credits and portfolio items; the
 * poster's review in arrival order (no paid boost) with each applicant's confirmed credits and
 * availability for the call's dates; and an answer for every applicant (shortlisted, declined, the
 * call filled or cancelled). Public API: the events {@link com.moviepeople.calls.CallApplied},
 * {@link com.moviepeople.calls.ApplicationAnswered} and {@link com.moviepeople.calls.CallClosed}
 * (the notifications module tells the members).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"accounts", "availability", "blocking", "credits", "portfolio", "shared"})
package com.moviepeople.calls;
