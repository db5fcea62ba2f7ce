package com.moviepeople.shared;

import org.ocpsoft.prettytime.PrettyTime;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Human times for templates: {@code ${@times.relative(t)}} ("3 minutes ago", a date for older
 * ones) with {@code ${@times.exact(t)}} for the tooltip and {@code ${@times.iso(t)}} for
 * {@code <time datetime>}. Uses PrettyTime rather than hand-written arithmetic.
 */
@Component("times")
public class Times {

    private static final Duration RELATIVE_UP_TO = Duration.ofDays(7);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter EXACT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /**
     * One PrettyTime per thread: building one sets up all its time units and formats, which cost
     * ~0.5 ms per call and showed as 40 % of a feed page of recent posts (docs/benchmarks.md). An
     * instance is not thread-safe (its reference time is a field), hence one per thread.
     */
    private static final ThreadLocal<PrettyTime> PRETTY = ThreadLocal.withInitial(() -> new PrettyTime(Locale.ENGLISH));

    private final Clock clock;

    public Times(Clock clock) {
        this.clock = clock;
    }

    public String relative(Instant time) {
        if (time == null) {
            return "";
        }
        Instant now = Instant.now(clock);
        Duration age = Duration.between(time, now);
        if (age.compareTo(Duration.ofMinutes(1)) < 0) {
            return "just now";
        }
        if (age.compareTo(RELATIVE_UP_TO) > 0) {
            return DATE.format(time);
        }
        return PRETTY.get().setReference(now).format(time);
    }

    /** All three at once, for a view built in Java (the feed's posts and comments). */
    public Moment moment(Instant time) {
        return new Moment(iso(time), exact(time), relative(time));
    }

    public String exact(Instant time) {
        return time == null ? "" : EXACT.format(time);
    }

    public String iso(Instant time) {
        // Whole milliseconds at most: HTML's valid date-time strings allow one to three fraction digits.
        return time == null ? "" : DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }
}
