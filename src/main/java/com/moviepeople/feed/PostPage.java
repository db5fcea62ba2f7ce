package com.moviepeople.feed;

import java.util.List;

/**
 * A post with one page of its comments: the newest {@link FeedService#COMMENTS_PER_PAGE} before the
 * cursor, shown oldest first; {@code earlierCursor} leads to the ones before them (null when none).
 */
record PostPage(PostView post, List<CommentView> comments, String earlierCursor) {
}
