package com.moviepeople.feed;

import com.moviepeople.shared.CompiledTemplates;
import org.springframework.stereotype.Component;

/**
 * The applause button, drawn by its compiled template ({@code src/main/jte/feed/applause.jte}) as the
 * answer to an htmx applause ({@code feed/fragments :: applause}). The feed and the post page are
 * compiled pages themselves ({@code feed/indexPage.jte}, {@code feed/postPage.jte}) and draw their
 * cards and buttons with the same templates.
 */
@Component("postCards")
public class PostCards {

    private final CompiledTemplates templates;

    PostCards(CompiledTemplates templates) {
        this.templates = templates;
    }

    /** An applause button of a post or a comment, also the answer to an htmx applause. */
    public String applause(ApplauseButton button) {
        return templates.render("feed/applause.jte", "b", button);
    }
}
