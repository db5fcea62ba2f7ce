package com.moviepeople.search;

import com.moviepeople.availability.Availability;
import com.moviepeople.shared.CurrentMember;
import com.moviepeople.shared.FilmRoles;
import com.moviepeople.shared.RateLimiter;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** GET /search: the search form, and the results when something was asked. Logged-in members only. */
@Controller
class SearchController {

    private final SearchService search;
    private final RateLimiter rateLimiter;
    private final Availability availability;

    SearchController(SearchService search, RateLimiter rateLimiter, Availability availability) {
        this.search = search;
        this.rateLimiter = rateLimiter;
        this.availability = availability;
    }

    @GetMapping("/search")
    String search(@AuthenticationPrincipal CurrentMember me,
                  @RequestParam(required = false) String q,
                  @RequestParam(required = false) String role,
                  @RequestParam(required = false) String location,
                  @RequestParam(required = false) String workedOn,
                  @RequestParam(required = false) String availableFrom,
                  @RequestParam(required = false) String availableTo,
                  @RequestParam(required = false) String partly,
                  @RequestParam(required = false) String after,
                  @RequestParam(required = false) String department,
                  Model model) {
        // Counted in this instance's memory: a search (a page view) writes nothing.
        rateLimiter.consumeForMember(me.id(), "searches-burst");
        SearchCriteria criteria = SearchCriteria.of(q, role, location, workedOn, availableFrom, availableTo,
                "true".equals(partly), availability.today(), department);
        SearchCursor cursor = SearchCursor.decode(after).orElse(null);
        SearchResults results = search.search(me.id(), criteria, cursor);
        model.addAttribute("criteria", criteria);
        model.addAttribute("results", results);
        model.addAttribute("firstPage", cursor == null);
        model.addAttribute("departments", FilmRoles.DEPARTMENTS);
        model.addAttribute("today", availability.today());
        model.addAttribute("returnTo", SearchLinks.returnTo(criteria, cursor == null ? null : after.strip()));
        model.addAttribute("departmentFacets", facetLinks(criteria, results, "department"));
        model.addAttribute("cityFacets", facetLinks(criteria, results, "city"));
        model.addAttribute("withoutDepartment", criteria.department().isEmpty() ? null : SearchLinks.url(criteria, "", criteria.location()));
        return "search/index";
    }

    /**
     * A facet's count with the address that narrows the search to it ({@code data-facet="department:Camera"}).
     * {@code active} for the department already chosen.
     */
    record FacetLink(String kind, String label, long count, String url, boolean active) {

        public String key() {
            return kind + ":" + label;
        }
    }

    private static java.util.List<FacetLink> facetLinks(SearchCriteria criteria, SearchResults results, String kind) {
        return results.facets().stream().filter(f -> f.kind().equals(kind))
                .map(f -> new FacetLink(kind, f.label(), f.count(),
                        kind.equals("department") ? SearchLinks.url(criteria, f.label(), criteria.location()) : SearchLinks.url(criteria, criteria.department(), f.label()),
                        kind.equals("department") && f.label().equals(criteria.department())))
                .toList();
    }
}
