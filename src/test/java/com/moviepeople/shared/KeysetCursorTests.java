package com.moviepeople.shared;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class KeysetCursorTests {

    @Test
    void roundTripsToTheMicrosecond() {
        KeysetCursor cursor = new KeysetCursor(Instant.parse("2026-11-25T10:15:30.123456Z"), 42);
        assertThat(KeysetCursor.decode(cursor.encode())).contains(cursor);
        assertThat(cursor.encode()).doesNotContain("42").matches("[A-Za-z0-9_-]+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "garbage!", "%%%", "bm9wZQ", "MTIzLmFiYw", "LTEuMQ", "MS4w", "MS4tNQ",
            "OTk5OTk5OTk5OTk5OTk5OTk5OTkuMQ"})
    void refusesAnythingThatIsNotOneOfOurs(String token) {
        assertThat(KeysetCursor.decode(token)).isEmpty();
        assertThat(KeysetCursor.decodeOrStart(token)).isEqualTo(KeysetCursor.START);
    }

    @Test
    void refusesTimesBeyondTheFirstPageAndOverlongTokens() {
        String farFuture = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("9000000000000000000.5".getBytes(StandardCharsets.US_ASCII));
        assertThat(KeysetCursor.decode(farFuture)).isEmpty();
        assertThat(KeysetCursor.decode("A".repeat(65))).isEmpty();
        assertThat(KeysetCursor.decode(null)).isEmpty();
    }
}
