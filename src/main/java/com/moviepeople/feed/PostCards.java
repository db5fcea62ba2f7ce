package com.moviepeople.feed;

import com.moviepeople.shared.CompiledTemplates;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Post cards and applause buttons, drawn by compiled templates ({@code src/main/jte/feed}) and taken
 * by the Thymeleaf pages as ready HTML: {@code th:utext="${@postCards.feed(page.posts)}"}. The feed
 * draws twenty cards a page; as Thymeleaf fragments they were most of the page's cost
 * (docs/benchmarks.md, "Post cards compiled").
 */
@Component("postCards")
public class PostCards {

    private final CompiledTemplates templates;

    PostCards(CompiledTemplates templates) {
        this.templates = templates;
    }

    /** A feed page's cards (each ends with its latest comments and a link to the post). */
    public String feed(List<PostView> posts) {
        return templates.render("feed/posts.jte", "posts", posts);
    }

    /** One card: on the post page ({@code detail}) without the comment excerpts, which follow it there. */
    public String post(PostView post, boolean detail) {
        return templates.render("feed/post.jte", "post", post, "detail", detail);
    }

    /** An applause button of a post or a comment, also the answer to an htmx applause. */
    public String applause(ApplauseButton button) {
        return templates.render("feed/applause.jte", "b", button);
    }
}
