/**
 * The feed: members' posts and comments, the feed of a member's network, and the automatic posts
 * for new portfolio items, new credits and confirmed credits (listeners of the portfolio events, so portfolio never depends on the
 * feed). Public API: {@link com.moviepeople.feed.Feed} (write posts and comments, e.g. for the demo
 * community) and the events {@link com.moviepeople.feed.CommentAdded}, {@link com.moviepeople.feed.Applauded} and
 * {@link com.moviepeople.feed.ApplauseWithdrawn}. Visibility: a post is seen by its author and the author's current connections only, and
 * never by a member blocked either way by its author (whose comments are hidden from each other too).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"accounts", "blocking", "connections", "credits", "portfolio", "shared"})
package com.moviepeople.feed;
