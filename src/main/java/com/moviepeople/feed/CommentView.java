package com.moviepeople.feed;

import com.moviepeople.shared.MemberCard;

import java.time.Instant;

/**
 * A comment as shown to one viewer; {@code deletable} when the viewer wrote it or wrote the post;
 * its applause as the viewer sees it.
 */
record CommentView(long id, long postId, MemberCard author, String body, Instant createdAt, boolean deletable,
                   Applause applause) {
}
