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

    /**
     * PrettyTime's words for each duration it has worded: "3 minutes ago" depends only on the unit,
     * the quantity (as counted and as rounded, with its default tolerance of 50 %) and the
     * direction, and wording it ({@code String.format}, pattern replacements) was 7 % of a feed
     * page's CPU (docs/benchmarks.md). Times up to {@link #RELATIVE_UP_TO} old give about a hundred
     * keys; the bound only guards against the unforeseen.
     */
    private static final java.util.concurrent.ConcurrentMap<Phrase, String> PHRASES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MAX_PHRASES = 1_000;
    private static final int PRETTY_TIME_ROUNDING_TOLERANCE = 50;

    private record Phrase(Class<?> unit, long quantity, long rounded, boolean past) {
    }

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
        PrettyTime pretty = PRETTY.get().setReference(now);
        org.ocpsoft.prettytime.Duration duration = pretty.approximateDuration(time);
        Phrase phrase = new Phrase(duration.getUnit().getClass(), duration.getQuantity(),
                duration.getQuantityRounded(PRETTY_TIME_ROUNDING_TOLERANCE), duration.isInPast());
        String words = PHRASES.get(phrase);
        if (words == null) {
            words = pretty.format(duration);
            if (PHRASES.size() < MAX_PHRASES) {
                PHRASES.putIfAbsent(phrase, words);
            }
        }
        return words;
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
