package com.moviepeople.profiles;

import com.moviepeople.credits.ProfileCredits;
import com.moviepeople.portfolio.PortfolioItemView;
import com.moviepeople.shared.CompiledTemplates;
import com.moviepeople.shared.CsrfField;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        Map<String, Object> parameters = new HashMap<>(8);
        parameters.put("items", items);
        parameters.put("credits", credits);
        parameters.put("own", own);
        parameters.put("csrf", CsrfField.current());
        return templates.render("profiles/items.jte", parameters);
    }
}
