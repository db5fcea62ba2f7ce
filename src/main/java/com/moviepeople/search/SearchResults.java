package com.moviepeople.search;

import java.util.List;

/**
 * A page of results.
 *
 * @param searched   false when nothing was asked (the page invites a search instead)
 * @param people     this page, most relevant first
 * @param nextCursor the token for the next page; null on the last one
 * @param facets     how all the results spread over departments and cities (first page only; else empty)
 */
record SearchResults(boolean searched, List<PersonResult> people, String nextCursor,
                     List<SearchRepository.FacetCount> facets) {

    static final SearchResults NOT_SEARCHED = new SearchResults(false, List.of(), null, List.of());
    static final SearchResults NONE = new SearchResults(true, List.of(), null, List.of());
}
