package com.moviepeople.search;

import com.moviepeople.shared.CompiledTemplates;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * A page of search results drawn by a compiled template ({@code src/main/jte/search/results.jte}),
 * taken by {@code search/index.html} as ready HTML: twenty rows, each with an avatar and the viewer's
 * connection controls, were most of the page's cost in Thymeleaf (docs/benchmarks.md).
 */
@Component("searchResultRows")
public class SearchResultRows {

    private final CompiledTemplates templates;

    SearchResultRows(CompiledTemplates templates) {
        this.templates = templates;
    }

    public String rows(List<PersonResult> people, String returnTo) {
        return templates.render("search/results.jte", "people", people, "returnTo", returnTo);
    }
}
