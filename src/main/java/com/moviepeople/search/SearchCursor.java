package com.moviepeople.search;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;

/**
 * The position after the last result of a page, in the results' order (relevance descending,
 * then name, then member id). Sent to the browser as an opaque token: paging needs no OFFSET,
 * and a result never repeats or goes missing between pages.
 */
record SearchCursor(int relevance, String name, long memberId) {

    private static final int MAX_TOKEN_LENGTH = 600;

    String encode() {
        String plain = relevance + ":" + memberId + ":" + name;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor in {@code token}, or empty when it is missing or not one of ours. */
    static Optional<SearchCursor> decode(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(token.strip());
            String plain = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            String[] parts = plain.split(":", 3);
            if (parts.length != 3 || plain.indexOf('\0') >= 0) {
                return Optional.empty();
            }
            int relevance = Integer.parseInt(parts[0]);
            long memberId = Long.parseLong(parts[1]);
            if (relevance < 0 || memberId < 1) {
                return Optional.empty();
            }
            return Optional.of(new SearchCursor(relevance, parts[2], memberId));
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
