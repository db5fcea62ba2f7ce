package com.moviepeople.credits;

import com.moviepeople.shared.CompiledTemplates;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Lists of credits with their confirmations and the viewer's forms (confirm, withdraw, hide, remove),
 * drawn by a compiled template ({@code src/main/jte/credits/list.jte}) for the profile's Credits
 * section and a production's page ({@code credits/fragments :: credits}).
 */
@Component("creditLists")
public class CreditLists {

    private final CompiledTemplates templates;

    CreditLists(CompiledTemplates templates) {
        this.templates = templates;
    }

    /**
     * @param showProduction the production's title leads (profile); otherwise the member's name (production page)
     * @param returnTo       where the forms bring the viewer back to
     */
    public String render(List<CreditView> list, boolean showProduction, String returnTo) {
        return templates.render("credits/list.jte", "list", list, "showProduction", showProduction, "returnTo", returnTo);
    }

    /** The profile's Credits section ({@code credits/profileCredits.jte}): the list, or what to do when it is empty. */
    public String profileSection(ProfileCredits credits, String displayName, String username, boolean own) {
        return templates.render("credits/profileCredits.jte", "credits", credits, "displayName", displayName,
                "username", username, "own", own);
    }
}
