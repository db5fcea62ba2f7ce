package com.moviepeople.search;

import org.unbescape.uri.UriEscape;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The search page's own links ({@code search/indexPage.jte}): the same search with a field left out or
 * changed, and the next page. Values are escaped as query parameters the way Thymeleaf's
 * {@code @{/search(…)}} escapes them (unbescape, the library Thymeleaf itself uses), so the links
 * read as they did when the page was a Thymeleaf template.
 */
final class SearchLinks {

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
}
