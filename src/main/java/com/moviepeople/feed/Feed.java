package com.moviepeople.feed;

import com.moviepeople.shared.NotFoundException;

import java.time.Instant;

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

    /** Whether any member has written a text post (portfolio posts do not count). */
    boolean hasTextPosts();
}
