package com.moviepeople.profiles;

import com.moviepeople.credits.ProfileCredits;
import com.moviepeople.portfolio.PortfolioItemView;
import com.moviepeople.shared.CompiledTemplates;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * A profile page's portfolio items drawn by a compiled template ({@code src/main/jte/profiles/items.jte})
 * and taken by {@code profiles/show.html} as ready HTML: up to twelve cards with players, stills and
 * the credits they prove were the largest part of the page's rendering in Thymeleaf.
 */
@Component("profileItems")
public class ProfileItems {

    private final CompiledTemplates templates;

    ProfileItems(CompiledTemplates templates) {
        this.templates = templates;
    }

    /** @param credits the owner's credits on this page (for "Proves the credit"); null when not shown */
    public String render(List<PortfolioItemView> items, ProfileCredits credits, boolean own) {
        return templates.render("profiles/items.jte", "items", items, "credits", credits, "own", own);
    }
}
