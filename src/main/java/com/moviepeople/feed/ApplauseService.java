package com.moviepeople.feed;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applause on posts and comments: one per member per thing, toggled. Whoever may see the post may
 * applaud it and its comments (the post page's rule); anyone else gets 404 and nothing changes.
 * The primary keys settle races (V32): the count is the number of rows, so it cannot drift.
 */
@Service
class ApplauseService {

    private final JdbcClient jdbc;
    private final FeedService feed;
    private final ApplicationEventPublisher events;

    ApplauseService(JdbcClient jdbc, FeedService feed, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.feed = feed;
        this.events = events;
    }

    /** Adds the member's applause to the post, or takes it back; returns the applause as it now stands. */
    @Transactional
    Applause togglePost(long memberId, long postId) {
        return setPost(memberId, postId, null);
    }

    /**
     * Sets the member's applause on the post: {@code want} true or false, or null to toggle. A
     * page that says which it wants can send the same request twice without undoing it.
     */
    @Transactional
    Applause setPost(long memberId, long postId, Boolean want) {
        long author = feed.visiblePostAuthor(memberId, postId);
        int change = set("post_applause", "post_id", postId, memberId, want);
        if (change != 0 && author != memberId) {
            events.publishEvent(change > 0 ? new Applauded(memberId, author, postId, null)
                    : new ApplauseWithdrawn(memberId, author, postId, null));
        }
        return applause("post_applause", "post_id", postId, memberId);
    }

    /** The same for a comment; returns the applause and the comment's post (for the way back). */
    @Transactional
    CommentApplause toggleComment(long memberId, long commentId) {
        return setComment(memberId, commentId, null);
    }

    @Transactional
    CommentApplause setComment(long memberId, long commentId, Boolean want) {
        FeedService.CommentRow comment = feed.visibleComment(memberId, commentId);
        int change = set("comment_applause", "comment_id", commentId, memberId, want);
        if (change != 0 && comment.authorId() != memberId) {
            events.publishEvent(change > 0 ? new Applauded(memberId, comment.authorId(), comment.postId(), commentId)
                    : new ApplauseWithdrawn(memberId, comment.authorId(), comment.postId(), commentId));
        }
        return new CommentApplause(comment.postId(), applause("comment_applause", "comment_id", commentId, memberId));
    }

    record CommentApplause(long postId, Applause applause) {
    }

    /**
     * With {@code want} null: takes the member's applause back if there is one, otherwise adds it;
     * true adds it (if not there), false takes it back (if there). Gone meanwhile with its post or
     * comment: nothing added. Returns 1 when it was added, -1 when taken back, 0 when nothing changed.
     */
    private int set(String table, String column, long id, long memberId, Boolean want) {
        if (!Boolean.TRUE.equals(want)) {
            int removed = jdbc.sql("delete from " + table + " where " + column + " = :id and member_id = :me")
                    .param("id", id).param("me", memberId).update();
            if (removed > 0) {
                return -1;
            }
            if (Boolean.FALSE.equals(want)) {
                return 0;
            }
        }
        String target = table.equals("post_applause") ? "post" : "comment";
        return jdbc.sql("insert into " + table + " (" + column + ", member_id) select :id, :me"
                        + " where exists (select 1 from " + target + " where id = :id) on conflict do nothing")
                .param("id", id).param("me", memberId).update();
    }

    private Applause applause(String table, String column, long id, long memberId) {
        return jdbc.sql("select count(*) as n, coalesce(bool_or(member_id = :me), false) as mine from " + table
                        + " where " + column + " = :id")
                .param("id", id).param("me", memberId)
                .query((rs, n) -> new Applause(rs.getLong("n"), rs.getBoolean("mine"))).single();
    }
}
