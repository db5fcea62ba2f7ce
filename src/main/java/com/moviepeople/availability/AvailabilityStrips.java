package com.moviepeople.availability;

import com.moviepeople.shared.CompiledTemplates;
import org.springframework.stereotype.Component;


/**
 * The profile's eight-week availability strip, drawn by a compiled template
 * ({@code src/main/jte/availability/strip.jte}) for {@code availability/fragments :: strip}.
 */
@Component("availabilityStrips")
public class AvailabilityStrips {

    private final CompiledTemplates templates;

    AvailabilityStrips(CompiledTemplates templates) {
        this.templates = templates;
    }

    public String render(AvailabilityStrip strip, boolean own) {
        return templates.render("availability/strip.jte", "strip", strip, "own", own);
    }
}
