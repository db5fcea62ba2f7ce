package com.moviepeople.feed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class FeedCursorTests {

    @Test
    void roundTripsToTheMicrosecond() {
        FeedCursor cursor = new FeedCursor(Instant.parse("2026-11-25T10:15:30.123456Z"), 42);
        assertThat(FeedCursor.decode(cursor.encode())).contains(cursor);
        assertThat(cursor.encode()).doesNotContain("42").matches("[A-Za-z0-9_-]+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "garbage!", "%%%", "bm9wZQ", "MTIzLmFiYw", "LTEuMQ", "MS4w", "MS4tNQ",
            "OTk5OTk5OTk5OTk5OTk5OTk5OTkuMQ"})
    void refusesAnythingThatIsNotOneOfOurs(String token) {
        assertThat(FeedCursor.decode(token)).isEmpty();
        assertThat(FeedCursor.decodeOrStart(token)).isEqualTo(FeedCursor.START);
    }

    @Test
    void refusesTimesBeyondTheFirstPageAndOverlongTokens() {
        String farFuture = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("9000000000000000000.5".getBytes(StandardCharsets.US_ASCII));
        assertThat(FeedCursor.decode(farFuture)).isEmpty();
        assertThat(FeedCursor.decode("A".repeat(65))).isEmpty();
        assertThat(FeedCursor.decode(null)).isEmpty();
    }
}
