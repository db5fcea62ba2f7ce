/**
 * The feed: members' posts and comments, the feed of a member's network, and the automatic posts
 * for new portfolio items (a listener of the portfolio events, so portfolio never depends on the
 * feed). Public API: {@link com.moviepeople.feed.Feed} (write posts and comments, e.g. for the demo
 * community). Visibility: a post is seen by its author and the author's current connections only.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"accounts", "connections", "portfolio", "shared"})
package com.moviepeople.feed;
