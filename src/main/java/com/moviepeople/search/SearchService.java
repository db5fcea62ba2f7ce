package com.moviepeople.search;

import com.moviepeople.blocking.Blocks;
import com.moviepeople.connections.ConnectionState;
import com.moviepeople.connections.Connections;
import com.moviepeople.shared.KeysetSlice;
import org.springframework.stereotype.Service;

import java.util.List;

/** Finds people for a member: one statement for the page, its facets and the connection states. */
@Service
class SearchService {

    static final int PAGE_SIZE = 20;

    private final SearchRepository repository;
    private final Connections connections;
    private final Blocks blocks;
    private final TradeThesaurus thesaurus;

    SearchService(SearchRepository repository, Connections connections, Blocks blocks, TradeThesaurus thesaurus) {
        this.thesaurus = thesaurus;
        this.repository = repository;
        this.connections = connections;
        this.blocks = blocks;
    }

    /**
     * The page of {@code criteria}'s results after {@code cursor} (null: the first page), never the
     * viewer, and never a member blocked either way. No transaction: two statements, the blocked
     * members and the search (which brings its own planner settings, {@link SearchRepository#withPlannerSettings}).
     */
    SearchResults search(long viewerId, SearchCriteria criteria, SearchCursor cursor) {
        if (criteria.isBlank()) {
            return SearchResults.NOT_SEARCHED;
        }
        if (criteria.availability().hasErrors()) {
            return SearchResults.NOT_SEARCHED;
        }
        if (criteria.hasNoWords()) {
            return SearchResults.NONE;
        }
        // One row more than a page tells whether there is a next page.
        long[] blocked = blocks.blockedIdArrayOf(viewerId);
        // The facets count every result: on the first page, in the page's own statement.
        SearchRepository.Found found = repository.find(viewerId, blocked, criteria, cursor, PAGE_SIZE + 1, cursor == null);
        List<SearchRepository.Row> rows = found.rows();
        KeysetSlice<SearchRepository.Row> slice = KeysetSlice.of(rows, PAGE_SIZE);
        List<SearchRepository.Row> page = slice.rows();
        if (page.isEmpty()) {
            return SearchResults.NONE;
        }
        List<TradeThesaurus.Match> terms = thesaurus.find(criteria.qWords());
        boolean roleTerm = !criteria.role().isEmpty() && !thesaurus.entriesOf(criteria.role()).isEmpty();
        List<PersonResult> people = page.stream()
                .map(r -> new PersonResult(r.card(), connectionState(viewerId, r), r.availability(),
                        MatchReasons.of(r.card(), criteria, terms, roleTerm)))
                .toList();
        String next = slice.next(last -> new SearchCursor(last.relevance(), last.nameWords(), last.card().id()).encode());
        return new SearchResults(true, people, next, page.size() > 1 ? found.facets() : List.of());
    }

    /** The viewer's connection state with a result, from the columns the search statement brought. */
    private ConnectionState connectionState(long viewerId, SearchRepository.Row row) {
        return connections.stateOf(viewerId, row.card().id(), row.connection());
    }
}
