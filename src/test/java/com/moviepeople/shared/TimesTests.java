package com.moviepeople.shared;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class TimesTests {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static Times at(Instant now) {
        return new Times(Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void recentTimesAreRelativeOlderOnesADate() {
        Times times = at(NOW);
        assertThat(times.relative(NOW.minusSeconds(20))).isEqualTo("just now");
        assertThat(times.relative(NOW.minus(Duration.ofMinutes(5)))).isEqualTo("5 minutes ago");
        assertThat(times.relative(NOW.minus(Duration.ofHours(3)))).isEqualTo("3 hours ago");
        assertThat(times.relative(NOW.minus(Duration.ofDays(2)))).isEqualTo("2 days ago");
        assertThat(times.relative(NOW.minus(Duration.ofDays(30)))).isEqualTo("26 Oct 2026");
        assertThat(times.relative(null)).isEmpty();
        assertThat(times.exact(NOW)).isEqualTo("25 Nov 2026, 12:00 UTC");
        assertThat(times.iso(NOW)).isEqualTo("2026-11-25T12:00:00Z");
    }

    @Test
    void eachCallUsesItsOwnClockEvenWhenThreadsShareFormatters() throws Exception {
        // The formatter is reused per thread; its reference time must never leak between calls.
        Times early = at(NOW);
        Times late = at(NOW.plus(Duration.ofHours(2)));
        Instant posted = NOW.minus(Duration.ofMinutes(10));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                boolean even = i % 2 == 0;
                Callable<Boolean> task = () -> even
                        ? early.relative(posted).equals("10 minutes ago")
                        : late.relative(posted).equals("2 hours ago");
                results.add(pool.submit(task));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void remembersPrettyTimesWordsWithoutChangingThem() {
        // Every age up to the relative limit, to the second and at random, worded as PrettyTime words
        // it afresh: the remembered phrases must never differ (rounding, plurals, units).
        java.util.Random random = new java.util.Random(17);
        Times times = at(NOW);
        org.ocpsoft.prettytime.PrettyTime pretty = new org.ocpsoft.prettytime.PrettyTime(java.util.Locale.ENGLISH).setReference(NOW);
        for (int i = 0; i < 20_000; i++) {
            long seconds = i < 10_000 ? 60 + i * 60L : 60 + (long) (random.nextDouble() * Duration.ofDays(7).minusMinutes(1).toSeconds());
            Instant posted = NOW.minusSeconds(seconds).minusMillis(random.nextInt(1000));
            String fresh = pretty.format(posted);
            assertThat(times.relative(posted)).as("%d s ago", seconds).isEqualTo(fresh);
        }
        assertThat(times.relative(NOW.minus(Duration.ofMinutes(1)))).isEqualTo("1 minute ago");
        assertThat(times.relative(NOW.minus(Duration.ofMinutes(59)))).isEqualTo("59 minutes ago");
        assertThat(times.relative(NOW.minus(Duration.ofMinutes(120)))).isEqualTo("2 hours ago");
    }
}
