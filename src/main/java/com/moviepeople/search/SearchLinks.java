package com.moviepeople.search;

import org.unbescape.uri.UriEscape;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every link of the search page. Its suggestions and the next page ({@link #with}): the same
 * search with a field left out or changed, values escaped as query parameters the way Thymeleaf's
 * {@code @{/search(…)}} escapes them (unbescape, the library Thymeleaf itself uses), so the links
 * read as they did when the page was a Thymeleaf template. Its facets and the connect buttons' way
 * back ({@link #url}, {@link #returnTo}): only the fields asked, every reserved character escaped.
 */
final class SearchLinks {

    /** The connections forms accept a way back of at most this many characters. */
    private static final int MAX_RETURN_TO = 300;

    private SearchLinks() {
    }

    /** {@code /search?name=value&…} from names and values in turn; values written with {@code toString}. */
    static String search(Object... namesAndValues) {
        StringBuilder url = new StringBuilder("/search");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            url.append(i == 0 ? '?' : '&').append(namesAndValues[i]).append('=')
                    .append(UriEscape.escapeUriQueryParam(String.valueOf(namesAndValues[i + 1]), "UTF-8"));
        }
        return url.toString();
    }

    /**
     * The search of {@code criteria} with {@code changes} (names and values in turn): a null value
     * leaves the field out, {@code after} (a next page's cursor) goes before the department.
     */
    static String with(SearchCriteria criteria, Object... changes) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("q", criteria.q());
        fields.put("role", criteria.role());
        fields.put("location", criteria.location());
        fields.put("workedOn", criteria.workedOn());
        fields.put("availableFrom", criteria.availableFrom());
        fields.put("availableTo", criteria.availableTo());
        fields.put("partly", criteria.partly());
        fields.put("after", null);
        fields.put("department", criteria.department());
        for (int i = 0; i < changes.length; i += 2) {
            fields.put((String) changes[i], changes[i + 1]);
        }
        fields.values().removeIf(java.util.Objects::isNull);
        return search(fields.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray());
    }

    /** The search of {@code criteria} with this department and location, from its first page. */
    static String url(SearchCriteria criteria, String department, String location) {
        StringBuilder url = new StringBuilder("/search?q=").append(encode(criteria.q()))
                .append("&role=").append(encode(criteria.role()))
                .append("&location=").append(encode(location));
        if (!criteria.workedOn().isEmpty()) {
            url.append("&workedOn=").append(encode(criteria.workedOn()));
        }
        if (!criteria.availableFrom().isEmpty() || !criteria.availableTo().isEmpty()) {
            url.append("&availableFrom=").append(encode(criteria.availableFrom()))
                    .append("&availableTo=").append(encode(criteria.availableTo()));
            if (criteria.partly()) {
                url.append("&partly=true");
            }
        }
        if (!department.isEmpty()) {
            url.append("&department=").append(encode(department));
        }
        return url.toString();
    }

    /** This page's address, for the connect buttons to come back to; null (back to the profile) when too long. */
    static String returnTo(SearchCriteria criteria, String after) {
        StringBuilder url = new StringBuilder(url(criteria, criteria.department(), criteria.location()));
        if (after != null) {
            url.append("&after=").append(encode(after));
        }
        return url.length() <= MAX_RETURN_TO ? url.toString() : null;
    }

    /** Percent-encodes everything but RFC 3986's unreserved characters. */
    private static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
