package com.moviepeople.feed;

/**
 * A member applauded a post ({@code commentId} null) or a comment by {@code authorId}; published
 * when the applause is added, not when it is taken back (for notifications).
 */
public record Applauded(long memberId, long authorId, long postId, Long commentId) {
}
