package com.moviepeople.feed;

import java.util.List;

/** One page of a member's feed, newest first; {@code nextCursor} is null on the last page. */
record FeedPage(List<PostView> posts, String nextCursor) {
}
