package com.moviepeople.feed;

import java.util.List;

/**
 * {@code commenterId} commented on post {@code postId} by {@code postAuthorId}; {@code earlierCommenterIds}
 * are the other members who commented on it before (neither the commenter nor the post's author).
 */
public record CommentAdded(long commentId, long postId, long postAuthorId, long commenterId, List<Long> earlierCommenterIds) {
}
