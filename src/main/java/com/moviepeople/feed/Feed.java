package com.moviepeople.feed;

import com.moviepeople.shared.NotFoundException;
import com.moviepeople.shared.ReportableContent;

import java.time.Instant;
import java.util.Optional;

/**
 * The feed module's API for other modules (the demo community, future importers). Every method
 * applies the same rules as the pages: 1–5,000 characters after trimming, and a comment only on a
 * post its author may see (otherwise {@link NotFoundException}, nothing written).
 */
public interface Feed {

    /** Publishes a text post now; returns its id. @throws IllegalArgumentException for blank or too long text */
    long publish(long authorId, String content);

    /** Publishes a text post dated {@code at} (imports, demo data); returns its id. */
    long publish(long authorId, String content, Instant at);

    /** Comments on a post now; returns the comment's id. */
    long comment(long authorId, long postId, String content);

    /** Comments on a post, dated {@code at}; returns the comment's id. */
    long comment(long authorId, long postId, String content, Instant at);

    /**
     * The post for a report by {@code viewerId}, when they may see it (the post page's rule);
     * empty when it is missing or not theirs to see.
     */
    Optional<ReportableContent> reportablePost(long viewerId, long postId);

    /** The comment for a report by {@code viewerId}, when its post and the comment are shown to them; else empty. */
    Optional<ReportableContent> reportableComment(long viewerId, long commentId);

    /** Whether any member has written a text post (portfolio posts do not count). */
    boolean hasTextPosts();
}
