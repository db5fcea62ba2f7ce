package com.moviepeople.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list read by keyset (a cursor, never an offset), from rows read with one more than
 * the page holds ({@code limit :n} with n = size + 1): the extra row only tells that a next page
 * exists and is never shown, so no count is needed.
 *
 * @param rows the page's rows, at most the page's size
 * @param more whether a next page exists
 */
public record KeysetSlice<T>(List<T> rows, boolean more) {

    /** The page of {@code readOneMore}, which holds up to {@code size} + 1 rows. */
    public static <T> KeysetSlice<T> of(List<T> readOneMore, int size) {
        boolean more = readOneMore.size() > size;
        return new KeysetSlice<>(more ? readOneMore.subList(0, size) : readOneMore, more);
    }

    /** The next page's position, taken from this page's last row; null on the last page. */
    public <C> C next(Function<? super T, C> position) {
        return more ? position.apply(rows.get(rows.size() - 1)) : null;
    }

    /** The next page's cursor as its URL token ({@link KeysetCursor#encode}); null on the last page. */
    public String nextCursor(Function<? super T, KeysetCursor> position) {
        KeysetCursor next = next(position);
        return next == null ? null : next.encode();
    }
}
