package com.moviepeople.feed;

/** A member took their applause back from a post ({@code commentId} null) or a comment by {@code authorId}. */
public record ApplauseWithdrawn(long memberId, long authorId, long postId, Long commentId) {
}
