package com.moviepeople.notifications;

import com.moviepeople.blocking.Blocks;
import com.moviepeople.messaging.LiveUpdates;
import com.moviepeople.shared.KeysetCursor;
import com.moviepeople.shared.KeysetSlice;
import com.moviepeople.shared.MemberCard;
import com.moviepeople.shared.MemberCards;
import com.moviepeople.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writing notifications (grouped while unread), listing them for their recipient, marking them read. */
@Service
class NotificationService {

    static final int PAGE_SIZE = 30;

    /** What a notification is about; the columns that are not null point at it. */
    record Target(Long postId, Long commentId, Long connectionId, Long creditId, Long callId) {
        static Target post(long postId, Long commentId) {
            return new Target(postId, commentId, null, null, null);
        }

        static Target connection(long connectionId) {
            return new Target(null, null, connectionId, null, null);
        }

        static Target credit(long creditId) {
            return new Target(null, null, null, creditId, null);
        }

        static Target call(long callId) {
            return new Target(null, null, null, null, callId);
        }

        /** The thread for "at most one mail per thread per 10 minutes": the post, request or credit. */
        String threadKey() {
            return postId != null ? "post:" + postId : connectionId != null ? "connection:" + connectionId
                    : callId != null ? "call:" + callId : "credit:" + creditId;
        }
    }

    /** @param note a pending connection request's note (the connections module's mp_pending_request_note, V51); null for others */
    private record Row(long id, NotificationKind kind, long actorId, Long postId, Long commentId, Long callId, String detail,
                       String note, Instant at, boolean read, long actors) {
    }

    /** A page of notifications and the cursor of the next one (null on the last page). */
    record Page(List<NotificationView> notifications, String next) {
    }

    private final JdbcClient jdbc;
    private final Blocks blocks;
    private final MemberCards cards;
    private final LiveUpdates live;

    NotificationService(JdbcClient jdbc, Blocks blocks, MemberCards cards, LiveUpdates live) {
        this.jdbc = jdbc;
        this.blocks = blocks;
        this.cards = cards;
        this.live = live;
    }

    /**
     * Tells {@code recipientId} that {@code actorId} did {@code kind} to {@code target}: joins the
     * unread notification about the same thing if there is one (the actor counted once), else
     * starts one. Nothing for oneself, between members blocked either way, or about a thing or a
     * member deleted meanwhile (the handler then succeeds: nothing is left to tell).
     */
    @Transactional
    java.util.Optional<Long> notify(long recipientId, long actorId, NotificationKind kind, Target target, String detail) {
        if (recipientId == actorId || blocks.isBlockedEitherWay(recipientId, actorId)) {
            return java.util.Optional.empty();
        }
        String thing = target.commentId() != null && kind == NotificationKind.APPLAUSE_COMMENT ? "comment:" + target.commentId()
                : target.postId() != null ? "post:" + target.postId()
                : target.connectionId() != null ? "connection:" + target.connectionId()
                : target.callId() != null ? "call:" + target.callId()
                : "credit:" + target.creditId();
        List<Long> id = jdbc.sql("""
                        insert into notification (recipient_id, kind, actor_id, post_id, comment_id, connection_id, credit_id,
                                                  call_id, detail, group_key)
                        select :recipient, :kind, :actor, :post, :comment, :connection, :credit, :call, :detail, :group
                        where exists (select 1 from member where id = :recipient) and exists (select 1 from member where id = :actor)
                          and (cast(:post as bigint) is null or exists (select 1 from post where id = :post))
                          and (cast(:comment as bigint) is null or exists (select 1 from comment where id = :comment))
                          and (cast(:connection as bigint) is null or exists (select 1 from connection where id = :connection))
                          and (cast(:credit as bigint) is null or exists (select 1 from credit where id = :credit))
                          and (cast(:call as bigint) is null or exists (select 1 from crew_call where id = :call))
                        on conflict (recipient_id, group_key) where read_at is null do update
                            set actor_id = excluded.actor_id, updated_at = now(),
                                comment_id = coalesce(excluded.comment_id, notification.comment_id),
                                detail = coalesce(excluded.detail, notification.detail)
                        returning id""")
                .param("recipient", recipientId).param("kind", kind.name()).param("actor", actorId)
                .param("post", target.postId()).param("comment", target.commentId())
                .param("connection", target.connectionId()).param("credit", target.creditId()).param("call", target.callId())
                .param("detail", detail).param("group", kind.name() + ":" + thing)
                .query(Long.class).list();
        id.forEach(n -> jdbc.sql("insert into notification_actor (notification_id, actor_id) values (:n, :actor) on conflict do nothing")
                .param("n", n).param("actor", actorId).update());
        if (!id.isEmpty()) {
            // The recipient's open pages, on any instance, refresh the bell once this commits.
            live.noticeFor(recipientId);
        }
        return id.stream().findFirst();
    }

    /**
     * Takes {@code actorId} out of the unread notification about applause on the post or comment
     * (applause taken back); a line left without actors goes. Read lines are history and stay.
     */
    @Transactional
    void withdrawApplause(long recipientId, long actorId, long postId, Long commentId) {
        String group = commentId == null ? NotificationKind.APPLAUSE_POST.name() + ":post:" + postId
                : NotificationKind.APPLAUSE_COMMENT.name() + ":comment:" + commentId;
        int removed = jdbc.sql("""
                        delete from notification_actor na using notification n
                        where na.notification_id = n.id and n.recipient_id = :recipient and n.group_key = :group
                          and n.read_at is null and na.actor_id = :actor""")
                .param("recipient", recipientId).param("group", group).param("actor", actorId).update();
        if (removed > 0) {
            tidy(List.of(recipientId));
            live.noticeFor(recipientId);
        }
    }

    /** Takes {@code actorId} out of what {@code recipientId} heard about {@code kind} on a credit (a confirmation withdrawn). */
    @Transactional
    void withdrawCredit(long recipientId, long actorId, long creditId) {
        jdbc.sql("""
                        delete from notification_actor na using notification n
                        where na.notification_id = n.id and n.recipient_id = :recipient and n.credit_id = :credit
                          and na.actor_id = :actor""")
                .param("recipient", recipientId).param("credit", creditId).param("actor", actorId).update();
        tidy(List.of(recipientId));
    }

    /** After a block: what either heard about the other goes. */
    @Transactional
    void forgetBetween(long memberA, long memberB) {
        jdbc.sql("""
                        delete from notification_actor na using notification n
                        where na.notification_id = n.id
                          and ((n.recipient_id = :a and na.actor_id = :b) or (n.recipient_id = :b and na.actor_id = :a))""")
                .param("a", memberA).param("b", memberB).update();
        tidy(List.of(memberA, memberB));
    }

    /** Notifications left without actors go; the others show one of the actors still in them. */
    private void tidy(List<Long> recipients) {
        long[] ids = recipients.stream().mapToLong(Long::longValue).toArray();
        jdbc.sql("""
                        delete from notification n
                        where n.recipient_id = any(:ids)
                          and not exists (select 1 from notification_actor na where na.notification_id = n.id)""")
                .param("ids", ids).update();
        jdbc.sql("""
                        update notification n set actor_id = (select max(na.actor_id) from notification_actor na where na.notification_id = n.id)
                        where n.recipient_id = any(:ids)
                          and not exists (select 1 from notification_actor na where na.notification_id = n.id and na.actor_id = n.actor_id)""")
                .param("ids", ids).update();
    }

    private static final String ROW_COLUMNS = """
            select n.id, n.kind, n.actor_id, n.post_id, n.comment_id, n.call_id, n.detail, n.updated_at, n.read_at is not null as read,
                   (select count(*) from notification_actor na where na.notification_id = n.id) as actors,
                   case when n.kind = 'CONNECTION_REQUEST' then mp_pending_request_note(n.connection_id, n.recipient_id) end as note
            from notification n
            """;

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(rs.getLong("id"), NotificationKind.valueOf(rs.getString("kind")), rs.getLong("actor_id"),
                (Long) rs.getObject("post_id"), (Long) rs.getObject("comment_id"), (Long) rs.getObject("call_id"), rs.getString("detail"),
                rs.getString("note"), rs.getTimestamp("updated_at").toInstant(), rs.getBoolean("read"), rs.getLong("actors"));
    }

    /** The member's notifications, newest activity first, after {@code cursor}. */
    @Transactional(readOnly = true)
    Page page(long memberId, String memberUsername, KeysetCursor cursor) {
        long[] blocked = blocks.blockedIdArrayOf(memberId);
        List<Row> rows = jdbc.sql(ROW_COLUMNS + """
                        where n.recipient_id = :me and (n.updated_at, n.id) < (:at, :id)
                          and n.actor_id <> all(cast(:blocked as bigint[]))
                        order by n.updated_at desc, n.id desc
                        limit :n""")
                .param("me", memberId).param("blocked", blocked)
                .param("at", OffsetDateTime.ofInstant(cursor.at(), ZoneOffset.UTC)).param("id", cursor.id())
                .param("n", PAGE_SIZE + 1)
                .query((rs, i) -> row(rs))
                .list();
        KeysetSlice<Row> page = KeysetSlice.of(rows, PAGE_SIZE);
        return new Page(views(page.rows(), memberUsername), page.nextCursor(last -> new KeysetCursor(last.at(), last.id())));
    }

    /**
     * The member's unread notifications with activity after {@code since}, newest first, at most
     * {@code limit} (the mails), and how many there are in all.
     */
    @Transactional(readOnly = true)
    Unread unreadSince(long memberId, String memberUsername, Instant since, int limit) {
        long[] blocked = blocks.blockedIdArrayOf(memberId);
        List<Row> rows = jdbc.sql(ROW_COLUMNS + """
                        where n.recipient_id = :me and n.read_at is null and n.updated_at > :since
                          and n.actor_id <> all(cast(:blocked as bigint[]))
                        order by n.updated_at desc, n.id desc""")
                .param("me", memberId).param("blocked", blocked).param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC))
                .query((rs, i) -> row(rs))
                .list();
        return new Unread(views(rows.subList(0, Math.min(limit, rows.size())), memberUsername), rows.size());
    }

    /** Unread notifications for a mail: the first ones and the total. */
    record Unread(List<NotificationView> notifications, int total) {
    }

    /** One of the member's notifications while it is unread (the immediate mail about it). */
    @Transactional(readOnly = true)
    java.util.Optional<NotificationView> unread(long memberId, String memberUsername, long id) {
        List<Row> rows = jdbc.sql(ROW_COLUMNS + "where n.id = :id and n.recipient_id = :me and n.read_at is null")
                .param("id", id).param("me", memberId).query((rs, i) -> row(rs)).list();
        return views(rows, memberUsername).stream().findFirst();
    }

    private List<NotificationView> views(List<Row> rows, String memberUsername) {
        Set<Long> actorIds = new LinkedHashSet<>();
        rows.forEach(r -> actorIds.add(r.actorId()));
        Map<Long, MemberCard> actors = actorIds.isEmpty() ? Map.of() : cards.cardsFor(actorIds);
        List<NotificationView> views = new ArrayList<>();
        for (Row r : rows) {
            MemberCard actor = actors.get(r.actorId());
            if (actor != null) {
                views.add(new NotificationView(r.id(), r.kind(), actor, Math.max(0, r.actors() - 1), r.detail(), r.note(),
                        link(r, actor, memberUsername), r.at(), r.read()));
            }
        }
        return views;
    }

    /** Marks one of the member's notifications read (404 for anyone else's); returns where it points. */
    @Transactional
    String markRead(long memberId, String memberUsername, long id) {
        Row row = jdbc.sql("""
                        update notification set read_at = coalesce(read_at, now())
                        where id = :id and recipient_id = :me
                        returning id, kind, actor_id, post_id, comment_id, call_id, detail, updated_at, true as read, 0 as actors, null as note""")
                .param("id", id).param("me", memberId)
                .query((rs, i) -> row(rs))
                .optional().orElseThrow(NotFoundException::new);
        // The other unread notifications about the same post are read too: the member is looking at it.
        if (row.postId() != null) {
            markPostRead(memberId, row.postId());
        }
        MemberCard actor = cards.cardsFor(Set.of(row.actorId())).get(row.actorId());
        live.noticeFor(memberId); // the member's other tabs
        return link(row, actor, memberUsername);
    }

    /**
     * Marks the member's unread notifications matching {@code condition} (its parameter
     * {@code :value}) read, without waiting for any of them: a row another transaction holds at
     * that moment (a listener adding an actor to it, another tab marking it read) is left as it is,
     * unread until the next time. Marking read is a side effect of looking at a page; waiting for
     * those rows made a page view one side of a deadlock with simultaneous applause
     * (ApplauseIntegrationTests, found by CI). Tells the member's other tabs. How many were marked.
     */
    private int markWithoutWaiting(long memberId, String condition, Object value) {
        int marked = jdbc.sql("update notification set read_at = now() where id in (select id from notification"
                        + " where recipient_id = :me and read_at is null and " + condition + " for update skip locked)")
                .param("me", memberId).param("value", value).update();
        if (marked > 0) {
            live.noticeFor(memberId);
        }
        return marked;
    }

    /** The member opened the post: what they heard about it is read. How many were unread. */
    @Transactional
    int markPostRead(long memberId, long postId) {
        Opened post = Opened.post(postId);
        return markWithoutWaiting(memberId, post.condition(), post.value());
    }

    /** What a page shows: a post, a call's applicants, or all things of some kinds. */
    record Opened(String condition, Object value) {
        static Opened post(long postId) {
            return new Opened("post_id = :value", postId);
        }

        static Opened call(long callId) {
            return new Opened("call_id = :value", callId);
        }

        static Opened kinds(NotificationKind... kinds) {
            return new Opened("kind = any(:value)", java.util.Arrays.stream(kinds).map(Enum::name).toArray(String[]::new));
        }
    }

    /**
     * The member opened a page: its unread notifications are read. A read first, so that a page
     * view with nothing unread about it writes nothing.
     */
    @Transactional
    int markOpened(long memberId, Opened opened) {
        boolean any = jdbc.sql("select exists (select 1 from notification where recipient_id = :me and read_at is null and "
                        + opened.condition() + ")")
                .param("me", memberId).param("value", opened.value()).query(Boolean.class).single();
        if (!any) {
            return 0;
        }
        return markWithoutWaiting(memberId, opened.condition(), opened.value());
    }

    @Transactional
    int markAllRead(long memberId) {
        return markWithoutWaiting(memberId, "true", null);
    }

    private static String link(Row row, MemberCard actor, String memberUsername) {
        return switch (row.kind()) {
            case CONNECTION_REQUEST -> "/connections/pending";
            case CONNECTION_ACCEPTED -> actor == null ? "/connections" : "/people/" + actor.username();
            case COMMENT, THREAD_COMMENT, APPLAUSE_COMMENT -> "/posts/" + row.postId()
                    + (row.commentId() == null ? "" : "#comment-" + row.commentId());
            case APPLAUSE_POST -> "/posts/" + row.postId();
            case CREDIT_CONFIRMED -> "/people/" + memberUsername + "#credits";
            case CALL_APPLICATION -> "/calls/" + row.callId() + "/applicants";
            case CALL_SHORTLISTED, CALL_DECLINED, CALL_FILLED, CALL_CANCELLED -> "/calls/mine";
        };
    }
}
