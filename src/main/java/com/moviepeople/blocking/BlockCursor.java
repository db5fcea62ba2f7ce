package com.moviepeople.blocking;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** The position after the last row of a page of blocked members: "micros-id", opaque to the browser. */
record BlockCursor(Instant at, long id) {

    static final BlockCursor START = new BlockCursor(Instant.parse("9999-12-31T00:00:00Z"), Long.MAX_VALUE);

    String encode() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at) + "-" + id;
    }

    /** The cursor, or the first page for anything missing or malformed. */
    static BlockCursor decodeOrStart(String token) {
        return decode(token).orElse(START);
    }

    static Optional<BlockCursor> decode(String token) {
        if (token == null || token.length() > 40) {
            return Optional.empty();
        }
        int dash = token.indexOf('-');
        if (dash < 1) {
            return Optional.empty();
        }
        try {
            long micros = Long.parseLong(token.substring(0, dash));
            long id = Long.parseLong(token.substring(dash + 1));
            Instant at = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
            if (micros < 0 || id < 1 || at.isAfter(START.at())) {
                return Optional.empty();
            }
            return Optional.of(new BlockCursor(at, id));
        } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
