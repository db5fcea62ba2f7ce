package com.moviepeople.search;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class SearchCursorTests {

    @Test
    void roundTripsIncludingNamesWithColonsAndAccents() {
        SearchCursor cursor = new SearchCursor(4870, "anna: kowalska é", 123);
        assertThat(SearchCursor.decode(cursor.encode())).contains(cursor);
    }

    @Test
    void rejectsAnythingNotOurs() {
        for (String token : new String[]{null, "", " ", "%%%", "not base64!", "x".repeat(1000),
                enc("1:2"), enc("-1:5:x"), enc("1:0:x"), enc("a:b:c"), enc("1:5:nul\u0000")}) {
            assertThat(SearchCursor.decode(token)).as(String.valueOf(token)).isEmpty();
        }
        byte[] invalidUtf8 = {'1', ':', '2', ':', (byte) 0xff};
        assertThat(SearchCursor.decode(Base64.getUrlEncoder().encodeToString(invalidUtf8))).isEmpty();
    }

    private static String enc(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
