package com.moviepeople.feed;

import com.moviepeople.shared.MemberCard;
import com.moviepeople.shared.Moment;
import com.moviepeople.shared.TextFormat;

import java.time.Instant;

/**
 * A comment as shown to one viewer; {@code deletable} when the viewer wrote it or wrote the post;
 * its applause as the viewer sees it; {@code created} its time as the page writes it.
 */
record CommentView(long id, long postId, MemberCard author, String body, Instant createdAt, boolean deletable,
                   Applause applause, Moment created) {

    /** The feed shows at most this many characters of each of the latest comments. */
    static final int EXCERPT = 280;

    public String anchor() {
        return "comment-" + id;
    }

    /** The text as safe HTML with its links (the post page). */
    public String bodyHtml() {
        return TextFormat.linkify(body);
    }

    /** The text cut to {@link #EXCERPT} characters (the feed). */
    public String excerpt() {
        return TextFormat.shorten(body, EXCERPT);
    }

    public ApplauseButton applauseButton() {
        return ApplauseButton.ofComment(id, applause);
    }
}
