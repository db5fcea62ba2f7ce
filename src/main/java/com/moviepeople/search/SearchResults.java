package com.moviepeople.search;

import java.util.List;

/**
 * A page of results.
 *
 * @param searched   false when nothing was asked (the page invites a search instead)
 * @param people     this page, most relevant first
 * @param nextCursor the token for the next page; null on the last one
 */
record SearchResults(boolean searched, List<PersonResult> people, String nextCursor) {

    static final SearchResults NOT_SEARCHED = new SearchResults(false, List.of(), null);
    static final SearchResults NONE = new SearchResults(true, List.of(), null);
}
