package com.moviepeople.shared;

import org.springframework.stereotype.Component;

/**
 * The small collapsed form to report something to the moderators ({@code src/main/jte/shared/reportForm.jte}),
 * for Thymeleaf pages ({@code moderation/fragments :: report}) and compiled ones alike. It lives here,
 * not in the moderation module, because the pages that show it belong to modules moderation depends on.
 */
@Component("reportForms")
public class ReportForms {

    private final CompiledTemplates templates;

    ReportForms(CompiledTemplates templates) {
        this.templates = templates;
    }

    /** @param type what is reported: {@code member} or {@code call} (the moderation module's target types) */
    public String render(String type, long id) {
        return templates.render("shared/reportForm.jte", "type", type, "id", id);
    }
}
