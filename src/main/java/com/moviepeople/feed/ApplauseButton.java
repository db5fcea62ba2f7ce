package com.moviepeople.feed;

/**
 * An applause button as {@code feed/fragments :: applause(b)} draws it, for a post or a comment.
 * Everything the markup needs is worked out here, so that the template, drawn once per post of
 * the feed, reads plain properties instead of building strings (docs/benchmarks.md, "The feed with
 * applause").
 *
 * @param url      where the button posts
 * @param target   {@code post-12} or {@code comment-34} ({@code data-applause-for})
 * @param returnTo where a browser without JavaScript goes back to (posts only; null for comments)
 * @param applause how many, and whether the viewer is one of them
 */
record ApplauseButton(String url, String target, String returnTo, Applause applause) {

    static ApplauseButton ofPost(long postId, Applause applause, String returnTo) {
        return new ApplauseButton("/posts/" + postId + "/applaud", "post-" + postId, returnTo, applause);
    }

    static ApplauseButton ofComment(long commentId, Applause applause) {
        return new ApplauseButton("/comments/" + commentId + "/applaud", "comment-" + commentId, null, applause);
    }

    public long count() {
        return applause.count();
    }

    public boolean mine() {
        return applause.mine();
    }

    /** The state the button asks for ({@code applaud=true|false}), so that a repeated request never undoes it. */
    public String next() {
        return mine() ? "false" : "true";
    }

    private boolean onComment() {
        return returnTo == null;
    }

    public String formClass() {
        return onComment() ? null : "d-inline";
    }

    public String buttonClass() {
        return "btn btn-sm applause-button " + (onComment() ? "py-0 " : "") + (mine() ? "btn-warning" : "btn-outline-secondary");
    }

    public String title() {
        return mine() ? "Take back your applause" : "Applaud";
    }

    /** The button's name for screen readers, before the count. */
    public String label() {
        return onComment() ? "Applaud the comment, " : "Applaud, ";
    }
}
