package com.moviepeople.profiles;

import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;

/**
 * The parts of a profile page that other modules draw (through their public render beans), ready
 * as HTML for {@code profiles/showPage.jte}; null where the page shows no such part.
 *
 * @param connection how the viewer stands with the member and the forms that go with it
 * @param strip      the availability strip
 * @param credits    the Credits section
 */
record ProfileParts(String connection, String strip, String credits) {

    static final ProfileParts NONE = new ProfileParts(null, null, null);

    /** A query parameter's value, encoded (the portfolio's cursor in "More work"). */
    public static String queryValue(String value) {
        return UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8);
    }
}
