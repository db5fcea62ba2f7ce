package com.moviepeople.shared;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class KeysetCursorTokenTests {

    @Test
    void roundTripsToTheMicrosecond() {
        KeysetCursor cursor = new KeysetCursor(Instant.parse("2026-11-25T10:15:30.123456Z"), 42);
        assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
        assertThat(KeysetCursor.decode(cursor.encode())).contains(cursor);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"garbage!", "bm90LWEtY3Vyc29y", "MTIz", "LTEuNQ", "MS4w", "OTk5OTk5OTk5OTk5OTk5OTk5OTkuMQ"})
    void refusesWhatItDidNotMake(String token) {
        assertThat(KeysetCursor.decode(token)).isEmpty();
    }
}
