package com.moviepeople.shared;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KeysetSliceTests {

    private record Item(long id) {
        KeysetCursor position() {
            return new KeysetCursor(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(id), id);
        }
    }

    private static List<Item> items(int n) {
        return java.util.stream.LongStream.rangeClosed(1, n).mapToObj(Item::new).toList();
    }

    @Test
    void theRowBeyondThePageOnlySaysThereIsANextPage() {
        KeysetSlice<Item> page = KeysetSlice.of(items(4), 3);
        assertThat(page.rows()).extracting(Item::id).containsExactly(1L, 2L, 3L);
        assertThat(page.more()).isTrue();
        // The next page starts after the last row shown, not after the extra one.
        assertThat(page.next(Item::id)).isEqualTo(3L);
        assertThat(page.nextCursor(Item::position)).isEqualTo(new Item(3).position().encode());
    }

    @Test
    void aFullOrShortLastPageHasNoNextPage() {
        for (int n : new int[] {0, 1, 3}) {
            KeysetSlice<Item> page = KeysetSlice.of(items(n), 3);
            assertThat(page.rows()).hasSize(n);
            assertThat(page.more()).isFalse();
            assertThat(page.next(Item::id)).isNull();
            assertThat(page.nextCursor(Item::position)).isNull();
        }
    }
}
