package com.moviepeople.connections;

import com.moviepeople.blocking.Blocks;
import com.moviepeople.blocking.MemberBlocked;
import com.moviepeople.connections.ConnectionState.Kind;
import com.moviepeople.connections.RequestResult.Outcome;
import com.moviepeople.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Requests and the connection graph, in plain SQL. Each transition is one conditional statement
 * ({@code ... where id = ? and receiver_id = ? and status = 'PENDING'}), so the check of who
 * may do what and the change happen atomically, and a forged or repeated request changes nothing.
 */
@Service
class ConnectionService implements Connections {

    /** After a rejection the requester may not ask the same member again for this long. */
    static final Duration REJECTION_COOLDOWN = Duration.ofDays(30);

    /** Attempts when a concurrent cancel or removal deletes the row between our statements. */
    private static final int REQUEST_ATTEMPTS = 3;

    /** The accepted connections of :a and of :b, as the CTEs {@code of_a} and {@code of_b} (with a trailing comma). */
    /**
     * The mutual connections of {@code :a} and {@code :b} that are not in {@code :leaveOut}, as CTE
     * {@code shown}, and both members' connection counts as CTE {@code sizes} ({@code a_count},
     * {@code b_count}, from {@code connection_tally}, kept by triggers: V46). Two ways, and one-time
     * filters run only the one that suits the pair (measured at 100,000 members, docs/benchmarks.md):
     * when one network is much smaller (a member with 200 connections and a hub with 20,000), one probe
     * of the pair index per connection of the smaller side, so the hub's list is never read; when both
     * are of a size, both lists read through their covering indexes and intersected.
     */
    private static final String MUTUAL_OF_A_AND_B = """
            with sizes as materialized (
                select a_count, b_count, least(a_count, b_count) * 12 < a_count + b_count as probe
                from (select coalesce((select accepted from connection_tally where member_id = :a), 0) as a_count,
                             coalesce((select accepted from connection_tally where member_id = :b), 0) as b_count) counts),
            smaller_side as (
                select receiver_id as id, cast(:b as bigint) as other from connection
                where requester_id = :a and status = 'ACCEPTED' and (select probe and a_count <= b_count from sizes)
                union all
                select requester_id, cast(:b as bigint) from connection
                where receiver_id = :a and status = 'ACCEPTED' and (select probe and a_count <= b_count from sizes)
                union all
                select receiver_id, cast(:a as bigint) from connection
                where requester_id = :b and status = 'ACCEPTED' and (select probe and a_count > b_count from sizes)
                union all
                select requester_id, cast(:a as bigint) from connection
                where receiver_id = :b and status = 'ACCEPTED' and (select probe and a_count > b_count from sizes)),
            of_a as (
                select receiver_id as id from connection
                where requester_id = :a and status = 'ACCEPTED' and (select not probe from sizes)
                union all
                select requester_id from connection
                where receiver_id = :a and status = 'ACCEPTED' and (select not probe from sizes)),
            of_b as (
                select receiver_id as id from connection
                where requester_id = :b and status = 'ACCEPTED' and (select not probe from sizes)
                union all
                select requester_id from connection
                where receiver_id = :b and status = 'ACCEPTED' and (select not probe from sizes)),
            shown as materialized (
                select id from (
                    select s.id from smaller_side s
                    -- a lateral probe with a limit, so the planner cannot turn it into a hash join over
                    -- the whole connection table
                    cross join lateral (select 1 from connection c
                                        where least(c.requester_id, c.receiver_id) = least(s.id, s.other)
                                          and greatest(c.requester_id, c.receiver_id) = greatest(s.id, s.other)
                                          and c.status = 'ACCEPTED'
                                        limit 1) hit
                    union all
                    (select id from of_a intersect select id from of_b)) mutual
                where id <> all(cast(:leaveOut as bigint[])))
            """;

    private static final String PAIR = """
            least(requester_id, receiver_id) = least(:a, :b) and greatest(requester_id, receiver_id) = greatest(:a, :b)""";

    /** One row of the connection table. */
    record Row(long id, long requesterId, long receiverId, String status, Instant createdAt, Instant respondedAt) {

        long otherThan(long memberId) {
            return requesterId == memberId ? receiverId : requesterId;
        }
    }

    /** A connection or request in a member's lists: the other member, when it happened, and a pending request's note. */
    record Entry(long connectionId, long otherId, Instant at, String note) {
    }

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(rs.getLong("id"), rs.getLong("requester_id"),
            rs.getLong("receiver_id"), rs.getString("status"), instant(rs.getTimestamp("created_at")),
            instant(rs.getTimestamp("responded_at")));

    private static final RowMapper<Entry> ENTRY = (rs, n) ->
            new Entry(rs.getLong("id"), rs.getLong("other_id"), instant(rs.getTimestamp("at")), null);

    private static final RowMapper<Entry> PENDING_ENTRY = (rs, n) ->
            new Entry(rs.getLong("id"), rs.getLong("other_id"), instant(rs.getTimestamp("at")), rs.getString("note"));

    private final JdbcClient jdbc;
    private final Blocks blocks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConnectionService(JdbcClient jdbc, Blocks blocks, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.blocks = blocks;
        this.events = events;
        this.clock = clock;
    }

    // --- questions -------------------------------------------------------------------------
    // The single-statement questions run without a transaction of their own (they join the
    // caller's, if any): a read-only transaction around one statement cost a BEGIN and a COMMIT
    // round trip and the JPA transaction manager's work on every page that asks (7 % of a
    // conversation view's CPU for areConnected alone).

    @Override
    public boolean areConnected(long memberA, long memberB) {
        if (memberA == memberB) {
            return false;
        }
        return jdbc.sql("select exists(select 1 from connection where " + PAIR + " and status = 'ACCEPTED')")
                .param("a", memberA).param("b", memberB).query(Boolean.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> connectionIdsOf(long memberId) {
        return new LinkedHashSet<>(jdbc.sql("""
                        select receiver_id from connection where requester_id = :m and status = 'ACCEPTED'
                        union all
                        select requester_id from connection where receiver_id = :m and status = 'ACCEPTED'""")
                .param("m", memberId).query(Long.class).list());
    }

    @Override
    public long connectionCount(long memberId) {
        return jdbc.sql("select coalesce((select accepted from connection_tally where member_id = :m), 0)")
                .param("m", memberId).query(Long.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public MutualConnections mutualConnections(long memberA, long memberB, Collection<Long> leaveOut, int sample) {
        if (memberA == memberB) {
            return MutualConnections.NONE;
        }
        List<long[]> rows = jdbc.sql("""
                        %s
                        select id, count(*) over () as total from shown
                        order by id
                        limit :sample""".formatted(MUTUAL_OF_A_AND_B))
                .param("a", memberA).param("b", memberB)
                .param("leaveOut", leaveOut.stream().mapToLong(Long::longValue).toArray())
                .param("sample", Math.max(sample, 1))
                .query((rs, n) -> new long[] {rs.getLong("id"), rs.getLong("total")}).list();
        if (rows.isEmpty()) {
            return MutualConnections.NONE;
        }
        List<Long> ids = rows.stream().limit(Math.max(sample, 0)).map(row -> row[0]).toList();
        return new MutualConnections(rows.get(0)[1], ids);
    }

    private static final String PROFILE_CONNECTIONS = "select %s from mp_profile_connections(:viewer, :owner) cn"
            .formatted(ProfileConnectionRow.columns("cn", ""));

    /**
     * No transaction of its own: the relation and count are one statement (V48), and the mutual
     * connections (on a cache miss) another that needs no snapshot shared with it; a read-only
     * transaction would add two round trips to every view.
     */
    @Override
    public ProfileConnections profileConnections(long viewerId, long ownerId, Collection<Long> leaveOut, int sample) {
        ProfileConnectionRow row = jdbc.sql(PROFILE_CONNECTIONS)
                .param("viewer", viewerId).param("owner", ownerId)
                .query((rs, n) -> ProfileConnectionRow.read(rs, ""))
                .single();
        return profileConnections(viewerId, ownerId, row, leaveOut, sample);
    }

    @Override
    public ProfileConnections profileConnections(Long viewerId, long ownerId, ProfileConnectionRow row,
                                                 Collection<Long> leaveOut, int sample) {
        if (viewerId == null) {
            return new ProfileConnections(row.connectionCount(), ConnectionState.none(), MutualConnections.NONE);
        }
        if (viewerId == ownerId) {
            return new ProfileConnections(row.connectionCount(), ConnectionState.self(), MutualConnections.NONE);
        }
        // The relation and the owner's count are read every time (the caller's statement); the
        // mutual connections, the costly part for two large networks, come from memory (see MUTUAL_CACHE).
        List<Long> left = leaveOut.stream().sorted().distinct().toList();
        MutualConnections mutual = mutualCache.get(
                new MutualKey(Math.min(viewerId, ownerId), Math.max(viewerId, ownerId), left, Math.max(sample, 0)),
                key -> mutualConnections(key.low(), key.high(), key.leaveOut(), key.sample()));
        return new ProfileConnections(row.connectionCount(), stateOf(viewerId, ownerId, row.pair()), mutual);
    }

    /** The mutual connections of two members (in id order), leaving out those given, with a sample of that size. */
    private record MutualKey(long low, long high, List<Long> leaveOut, int sample) {

        boolean involves(long member) {
            return low == member || high == member;
        }
    }

    /**
     * Mutual connections shown on profiles, kept in memory: for two members with 20,000 and 4,000
     * connections they cost ~9 ms of database time, the rest of the profile page ~1 ms
     * (docs/benchmarks.md). They change only when one of the two members gains or loses a
     * connection, so an entry is dropped once such a change commits on this instance (the events
     * below) and is read again at least once a minute, which bounds how long another instance shows
     * an old count. Only a count and a few names: who may see a profile, and the relation between
     * the two members, are read from the database on every request.
     */
    private final com.github.benmanes.caffeine.cache.Cache<MutualKey, MutualConnections> mutualCache =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .expireAfterWrite(java.time.Duration.ofMinutes(1)).maximumSize(50_000).build();

    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    void forgetMutual(ConnectionAccepted event) {
        forgetMutualOf(event.requesterId(), event.receiverId());
    }

    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    void forgetMutual(ConnectionRemoved event) {
        forgetMutualOf(event.memberA(), event.memberB());
    }

    /** The database removed the member's connections (cascade): anyone's mutual connections may have changed. */
    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    void forgetMutual(com.moviepeople.accounts.MemberDeleted event) {
        mutualCache.invalidateAll();
    }

    private void forgetMutualOf(long memberA, long memberB) {
        mutualCache.asMap().keySet().removeIf(key -> key.involves(memberA) || key.involves(memberB));
    }

    /** For tests that empty the database (ids start again). */
    void forgetAllMutual() {
        mutualCache.invalidateAll();
    }

    @Override
    public long pendingReceivedCount(long memberId) {
        return jdbc.sql("select count(*) from connection where receiver_id = :m and status = 'PENDING'")
                .param("m", memberId).query(Long.class).single();
    }

    @Override
    public ConnectionState stateBetween(long viewerId, long otherId) {
        if (viewerId == otherId) {
            return ConnectionState.self();
        }
        return pair(viewerId, otherId, false).map(row -> stateOf(viewerId, row, now())).orElse(ConnectionState.none());
    }

    @Override
    public ConnectionState stateOf(long viewerId, long otherId, ConnectionPair pair) {
        if (viewerId == otherId) {
            return ConnectionState.self();
        }
        return pair.id() == null ? ConnectionState.none()
                : stateOf(viewerId, pair.id(), pair.requesterId(), pair.status(), pair.respondedAt(), now());
    }

    @Override
    public Map<Long, ConnectionState> statesBetween(long viewerId, Collection<Long> otherIds) {
        Map<Long, ConnectionState> states = new HashMap<>();
        for (Long id : otherIds) {
            states.put(id, id == viewerId ? ConnectionState.self() : ConnectionState.none());
        }
        List<Long> others = otherIds.stream().distinct().filter(id -> id != viewerId).toList();
        if (others.isEmpty()) {
            return states;
        }
        Instant now = now();
        jdbc.sql("""
                        select * from connection where requester_id = :me and receiver_id in (:others)
                        union all
                        select * from connection where receiver_id = :me and requester_id in (:others)""")
                .param("me", viewerId).param("others", others).query(ROW).list()
                .forEach(row -> states.put(row.otherThan(viewerId), stateOf(viewerId, row, now)));
        return states;
    }

    /** Accepted connections of a member, newest first, after the keyset {@code (at, connectionId)}. */
    @Transactional(readOnly = true)
    List<Entry> connectionsOf(long memberId, Instant beforeAt, long beforeId, int limit) {
        // One ordered, limited scan per direction on its index, merged and cut to the page.
        return jdbc.sql("""
                        select id, other_id, at from (
                            (select id, receiver_id as other_id, responded_at as at from connection
                             where requester_id = :m and status = 'ACCEPTED' and (responded_at, id) < (:at, :id)
                             order by responded_at desc, id desc limit :n)
                            union all
                            (select id, requester_id, responded_at from connection
                             where receiver_id = :m and status = 'ACCEPTED' and (responded_at, id) < (:at, :id)
                             order by responded_at desc, id desc limit :n)
                        ) page
                        order by at desc, id desc
                        limit :n""")
                .param("m", memberId).param("at", Timestamp.from(beforeAt)).param("id", beforeId).param("n", limit)
                .query(ENTRY).list();
    }

    /** Pending requests waiting for the member's answer, newest first, after the keyset {@code (at, connectionId)}. */
    @Transactional(readOnly = true)
    List<Entry> pendingReceived(long memberId, Instant beforeAt, long beforeId, int limit) {
        return pending("requester_id", "receiver_id", memberId, beforeAt, beforeId, limit);
    }

    /** Pending requests the member sent, newest first, after the keyset {@code (at, connectionId)}. */
    @Transactional(readOnly = true)
    List<Entry> pendingSent(long memberId, Instant beforeAt, long beforeId, int limit) {
        return pending("receiver_id", "requester_id", memberId, beforeAt, beforeId, limit);
    }

    /** One ordered, limited scan of connection_pending_received_idx or connection_pending_sent_idx. */
    private List<Entry> pending(String otherColumn, String memberColumn, long memberId, Instant beforeAt, long beforeId, int limit) {
        return jdbc.sql("""
                        select id, %s as other_id, created_at as at, note from connection
                        where %s = :m and status = 'PENDING' and (created_at, id) < (:at, :id)
                        order by created_at desc, id desc limit :n""".formatted(otherColumn, memberColumn))
                .param("m", memberId).param("at", Timestamp.from(beforeAt)).param("id", beforeId).param("n", limit)
                .query(PENDING_ENTRY).list();
    }

    // --- transitions -----------------------------------------------------------------------

    @Override
    @Transactional
    public RequestResult request(long requesterId, long receiverId) {
        return request(requesterId, receiverId, RequestNote.NONE);
    }

    /**
     * {@link #request(long, long)} with a note for the receiver, stored only with a new (or renewed)
     * request: when the receiver had asked first, their request is accepted and the note goes
     * nowhere; an earlier pending request keeps its own note. Who may attach a note (verified,
     * within the daily limit) is checked before, see ConnectionsController.
     */
    @Transactional
    RequestResult request(long requesterId, long receiverId, RequestNote note) {
        if (requesterId == receiverId) {
            return new RequestResult(Outcome.SELF, ConnectionState.self());
        }
        // Blocked either way: "not yours", nothing stored. Locking, so that a block made at this
        // moment either is seen here or removes this request when it commits after us.
        if (blocks.isBlockedEitherWayLocking(requesterId, receiverId)) {
            throw new NotFoundException();
        }
        Instant now = now();
        for (int attempt = 0; attempt < REQUEST_ATTEMPTS; attempt++) {
            // The unique pair index decides: if the other member is inserting the mirror request
            // right now, this statement waits for them and then inserts nothing.
            int inserted;
            try {
                inserted = jdbc.sql("""
                                insert into connection (requester_id, receiver_id, status, created_at, note)
                                values (:requester, :receiver, 'PENDING', :now, :note)
                                on conflict do nothing""")
                        .param("requester", requesterId).param("receiver", receiverId).param("now", Timestamp.from(now))
                        .param("note", note.text()).update();
            } catch (DataIntegrityViolationException e) {
                throw new NotFoundException(); // the receiver's account was deleted meanwhile
            }
            Optional<Row> existing = pair(requesterId, receiverId, true);
            if (existing.isEmpty()) {
                continue; // cancelled or removed between the two statements: try again
            }
            Row row = existing.get();
            if (inserted == 1) {
                events.publishEvent(new ConnectionRequested(row.id(), requesterId, receiverId));
                return new RequestResult(Outcome.SENT, stateOf(requesterId, row, now));
            }
            return requestOnExisting(requesterId, receiverId, row, note, now);
        }
        throw new IllegalStateException("Connection between " + requesterId + " and " + receiverId + " kept changing");
    }

    private RequestResult requestOnExisting(long requesterId, long receiverId, Row row, RequestNote note, Instant now) {
        switch (row.status()) {
            case "ACCEPTED" -> {
                return new RequestResult(Outcome.ALREADY_CONNECTED, stateOf(requesterId, row, now));
            }
            case "PENDING" -> {
                if (row.requesterId() == requesterId) {
                    return new RequestResult(Outcome.ALREADY_SENT, stateOf(requesterId, row, now));
                }
                // They asked first: asking back means yes.
                Row accepted = markAccepted(row, now);
                return new RequestResult(Outcome.ACCEPTED_THEIRS, stateOf(requesterId, accepted, now));
            }
            case "REJECTED" -> {
                if (row.requesterId() == requesterId && inCooldown(row.respondedAt(), now)) {
                    return new RequestResult(Outcome.COOLDOWN, stateOf(requesterId, row, now));
                }
                // Cooldown over, or the one who rejected now asks: the pair's row becomes a new request.
                jdbc.sql("""
                                update connection set requester_id = :requester, receiver_id = :receiver,
                                    status = 'PENDING', created_at = :now, responded_at = null, note = :note
                                where id = :id""")
                        .param("requester", requesterId).param("receiver", receiverId).param("note", note.text())
                        .param("now", Timestamp.from(now)).param("id", row.id()).update();
                Row renewed = new Row(row.id(), requesterId, receiverId, "PENDING", now, null);
                events.publishEvent(new ConnectionRequested(row.id(), requesterId, receiverId));
                return new RequestResult(Outcome.SENT, stateOf(requesterId, renewed, now));
            }
            default -> throw new IllegalStateException("Unknown connection status " + row.status());
        }
    }

    @Override
    @Transactional
    public long accept(long receiverId, long connectionId) {
        Row row = lockedRow(connectionId).orElseThrow(NotFoundException::new);
        if ("ACCEPTED".equals(row.status()) && (row.receiverId() == receiverId || row.requesterId() == receiverId)) {
            return row.otherThan(receiverId); // a double submit: already done
        }
        if (!"PENDING".equals(row.status()) || row.receiverId() != receiverId) {
            throw new NotFoundException();
        }
        markAccepted(row, now());
        return row.requesterId();
    }

    @Override
    @Transactional
    public long reject(long receiverId, long connectionId) {
        Row row = lockedRow(connectionId).orElseThrow(NotFoundException::new);
        if (row.receiverId() != receiverId) {
            throw new NotFoundException();
        }
        if ("REJECTED".equals(row.status())) {
            return row.requesterId(); // a double submit: already done
        }
        if (!"PENDING".equals(row.status())) {
            throw new NotFoundException();
        }
        jdbc.sql("update connection set status = 'REJECTED', responded_at = :now, note = null where id = :id")
                .param("now", Timestamp.from(now())).param("id", connectionId).update();
        return row.requesterId();
    }

    @Override
    @Transactional
    public long cancel(long requesterId, long connectionId) {
        return jdbc.sql("""
                        delete from connection where id = :id and requester_id = :me and status = 'PENDING'
                        returning receiver_id""")
                .param("id", connectionId).param("me", requesterId).query(Long.class).optional()
                .orElseThrow(NotFoundException::new);
    }

    @Override
    @Transactional
    public long remove(long memberId, long connectionId) {
        Row row = jdbc.sql("""
                        delete from connection
                        where id = :id and status = 'ACCEPTED' and (requester_id = :me or receiver_id = :me)
                        returning *""")
                .param("id", connectionId).param("me", memberId).query(ROW).optional()
                .orElseThrow(NotFoundException::new);
        events.publishEvent(new ConnectionRemoved(row.id(), row.requesterId(), row.receiverId()));
        return row.otherThan(memberId);
    }

    @Override
    @Transactional
    public long blockRequester(long receiverId, long connectionId) {
        long requesterId = jdbc.sql("select requester_id from connection where id = :id and receiver_id = :me and status = 'PENDING'")
                .param("id", connectionId).param("me", receiverId).query(Long.class).optional()
                .orElseThrow(NotFoundException::new);
        // The pair's lock before the row's, in the order request() takes them: the requester asking
        // again at this very moment then waits for us instead of deadlocking with us.
        blocks.isBlockedEitherWayLocking(receiverId, requesterId);
        Row row = lockedRow(connectionId).orElseThrow(NotFoundException::new);
        if (!"PENDING".equals(row.status()) || row.receiverId() != receiverId) {
            throw new NotFoundException(); // cancelled (or answered) meanwhile: nothing changes
        }
        // Nothing of the request is kept (no rejection, no note): the block itself refuses any new
        // request. The block's listener below would delete the row too; deleting it here does not
        // depend on that.
        jdbc.sql("delete from connection where id = :id").param("id", connectionId).update();
        blocks.block(receiverId, requesterId);
        return requesterId;
    }

    /**
     * A block ends whatever the pair had: a connection, a request either way, a rejection. Runs in
     * the blocking transaction (a synchronous listener), so the block and this commit together.
     */
    @EventListener
    void on(MemberBlocked event) {
        jdbc.sql("delete from connection where " + PAIR + " returning *")
                .param("a", event.blockerId()).param("b", event.blockedId()).query(ROW).optional()
                .filter(row -> "ACCEPTED".equals(row.status()))
                .ifPresent(row -> events.publishEvent(new ConnectionRemoved(row.id(), row.requesterId(), row.receiverId())));
    }

    // --- helpers ---------------------------------------------------------------------------

    private Row markAccepted(Row row, Instant now) {
        jdbc.sql("update connection set status = 'ACCEPTED', responded_at = :now, note = null where id = :id")
                .param("now", Timestamp.from(now)).param("id", row.id()).update();
        events.publishEvent(new ConnectionAccepted(row.id(), row.requesterId(), row.receiverId()));
        return new Row(row.id(), row.requesterId(), row.receiverId(), "ACCEPTED", row.createdAt(), now);
    }

    private Optional<Row> pair(long a, long b, boolean forUpdate) {
        return jdbc.sql("select * from connection where " + PAIR + (forUpdate ? " for update" : ""))
                .param("a", a).param("b", b).query(ROW).optional();
    }

    private Optional<Row> lockedRow(long id) {
        return jdbc.sql("select * from connection where id = :id for update").param("id", id).query(ROW).optional();
    }

    private static ConnectionState stateOf(long viewerId, Row row, Instant now) {
        return stateOf(viewerId, row.id(), row.requesterId(), row.status(), row.respondedAt(), now);
    }

    private static ConnectionState stateOf(long viewerId, long id, long requesterId, String status, Instant respondedAt,
                                           Instant now) {
        return switch (status) {
            case "ACCEPTED" -> new ConnectionState(Kind.CONNECTED, id, null);
            case "PENDING" -> new ConnectionState(requesterId == viewerId ? Kind.REQUEST_SENT : Kind.REQUEST_RECEIVED, id, null);
            case "REJECTED" -> requesterId == viewerId && inCooldown(respondedAt, now)
                    ? new ConnectionState(Kind.REJECTED_COOLDOWN, id, respondedAt.plus(REJECTION_COOLDOWN))
                    : ConnectionState.none();
            default -> throw new IllegalStateException("Unknown connection status " + status);
        };
    }

    private static boolean inCooldown(Instant respondedAt, Instant now) {
        return respondedAt != null && now.isBefore(respondedAt.plus(REJECTION_COOLDOWN));
    }

    /** Microseconds, as PostgreSQL stores them, so that keyset cursors compare exactly. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
