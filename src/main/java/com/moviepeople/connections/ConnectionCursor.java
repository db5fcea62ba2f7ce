package com.moviepeople.connections;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

/**
 * The position after the last connection of a page: when it was made and its id. Sent to the
 * browser as an opaque token, so the URL carries no offset and no meaning to tamper with.
 */
record ConnectionCursor(Instant at, long id) {

    /** Before every real connection: the first page. */
    static final ConnectionCursor START = new ConnectionCursor(Instant.parse("9999-12-31T00:00:00Z"), Long.MAX_VALUE);

    String encode() {
        String plain = ChronoUnit.MICROS.between(Instant.EPOCH, at) + "." + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /** The cursor in {@code token}, or empty when it is missing or not one of ours. */
    static Optional<ConnectionCursor> decode(String token) {
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
            return Optional.of(new ConnectionCursor(at, id));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
