package com.moviepeople.credits;

import com.moviepeople.shared.CompiledTemplates;
import com.moviepeople.shared.CsrfField;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        Map<String, Object> parameters = new HashMap<>(8);
        parameters.put("list", list);
        parameters.put("showProduction", showProduction);
        parameters.put("returnTo", returnTo);
        parameters.put("csrf", CsrfField.current());
        return templates.render("credits/list.jte", parameters);
    }
}
