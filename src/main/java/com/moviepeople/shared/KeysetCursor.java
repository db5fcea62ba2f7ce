package com.moviepeople.shared;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

/**
 * A position in a newest-first list (connections, posts, comments): the time and id of the last
 * item shown. Travels as an opaque token ({@code ?before=...}, {@code ?after=...}); the next page is
 * everything strictly before it, so items arriving meanwhile never shift or repeat what comes next,
 * and the URL carries no offset to tamper with.
 */
public record KeysetCursor(Instant at, long id) {

    /** After every real item: the first page. */
    public static final KeysetCursor START = new KeysetCursor(Instant.parse("9999-12-31T00:00:00Z"), Long.MAX_VALUE);

    public String encode() {
        String plain = ChronoUnit.MICROS.between(Instant.EPOCH, at) + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor in {@code token}; empty when missing, malformed or forged out of range. */
    public static Optional<KeysetCursor> decode(String token) {
        if (token == null || token.isBlank() || token.length() > 64) {
            return Optional.empty();
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.US_ASCII);
            int dot = plain.indexOf('.');
            if (dot < 1) {
                return Optional.empty();
            }
            long micros = Long.parseLong(plain.substring(0, dot));
            long id = Long.parseLong(plain.substring(dot + 1));
            Instant at = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
            if (id < 1 || micros < 0 || at.isAfter(START.at())) {
                return Optional.empty();
            }
            return Optional.of(new KeysetCursor(at, id));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** {@link #decode}, or the first page for anything else. */
    public static KeysetCursor decodeOrStart(String token) {
        return decode(token).orElse(START);
    }

    public boolean isStart() {
        return equals(START);
    }
}
