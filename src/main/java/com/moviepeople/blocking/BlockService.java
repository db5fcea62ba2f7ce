package com.moviepeople.blocking;

import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.accounts.MemberSummary;
import com.moviepeople.shared.KeysetSlice;
import com.moviepeople.shared.MemberCard;
import com.moviepeople.shared.MemberCards;
import com.moviepeople.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Blocks in plain SQL: the questions for the other modules, and blocking and unblocking. */
@Service
class BlockService implements Blocks {

    enum Outcome { BLOCKED, ALREADY_BLOCKED, UNBLOCKED, NOT_BLOCKED, SELF }

    record Result(Outcome outcome, MemberSummary member) {
    }

    /** One member in the settings list of blocked members. */
    record BlockedMember(MemberCard member, Instant since) {
    }

    record BlockedPage(List<BlockedMember> members, String nextCursor) {
    }

    private final JdbcClient jdbc;
    private final MemberDirectory members;
    private final MemberCards cards;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BlockService(JdbcClient jdbc, MemberDirectory members, MemberCards cards, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.members = members;
        this.cards = cards;
        this.events = events;
        this.clock = clock;
    }

    // --- API -------------------------------------------------------------------------------

    @Override
    @Transactional(readOnly = true)
    public boolean isBlockedEitherWay(long a, long b) {
        if (a == b) {
            return false;
        }
        return jdbc.sql("""
                        select exists(select 1 from member_block where blocker_id = :a and blocked_id = :b)
                            or exists(select 1 from member_block where blocker_id = :b and blocked_id = :a)""")
                .param("a", a).param("b", b).query(Boolean.class).single();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean isBlockedEitherWayLocking(long a, long b) {
        if (a == b) {
            return false;
        }
        lockPair(a, b);
        return isBlockedEitherWay(a, b);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean hasBlocked(long blockerId, long blockedId) {
        return jdbc.sql("select exists(select 1 from member_block where blocker_id = :a and blocked_id = :b)")
                .param("a", blockerId).param("b", blockedId).query(Boolean.class).single();
    }

    /**
     * One statement, no transaction of its own (it joins the caller's, if any); none at all on a page
     * whose navigation read it already ({@link BlockedMembersBadge}).
     */
    @Override
    public Set<Long> blockedIdsOf(long viewerId) {
        Set<Long> known = BlockedMembersBadge.knownFor(viewerId);
        if (known != null) {
            return new LinkedHashSet<>(known);
        }
        return new LinkedHashSet<>(jdbc.sql("""
                        select blocked_id from member_block where blocker_id = :m
                        union
                        select blocker_id from member_block where blocked_id = :m""")
                .param("m", viewerId).query(Long.class).list());
    }

    // --- blocking --------------------------------------------------------------------------

    /** Blocks the member; a second block changes nothing. Unknown username: 404. */
    @Transactional
    Result block(long blockerId, String username) {
        MemberSummary other = members.findByUsername(username).orElseThrow(NotFoundException::new);
        if (other.id() == blockerId) {
            return new Result(Outcome.SELF, other);
        }
        return new Result(block(blockerId, other.id()) ? Outcome.BLOCKED : Outcome.ALREADY_BLOCKED, other);
    }

    @Override
    @Transactional
    public boolean block(long blockerId, long blockedId) {
        if (blockerId == blockedId) {
            throw new IllegalArgumentException("A member cannot block themself");
        }
        lockPair(blockerId, blockedId);
        int inserted;
        try {
            inserted = jdbc.sql("""
                            insert into member_block (blocker_id, blocked_id, created_at) values (:blocker, :blocked, :now)
                            on conflict do nothing""")
                    .param("blocker", blockerId).param("blocked", blockedId)
                    .param("now", Timestamp.from(Instant.now(clock).truncatedTo(ChronoUnit.MICROS))).update();
        } catch (DataIntegrityViolationException e) {
            throw new NotFoundException(); // the account was deleted a moment ago
        }
        if (inserted == 0) {
            return false;
        }
        BlockedMembersBadge.forget();
        // Synchronous listeners (connections) undo the pair's connection in this transaction.
        events.publishEvent(new MemberBlocked(blockerId, blockedId));
        return true;
    }

    /** Lifts the member's own block; a block by the other side stays. Unknown username: 404. */
    @Transactional
    Result unblock(long blockerId, String username) {
        MemberSummary other = members.findByUsername(username).orElseThrow(NotFoundException::new);
        int deleted = jdbc.sql("delete from member_block where blocker_id = :blocker and blocked_id = :blocked")
                .param("blocker", blockerId).param("blocked", other.id()).update();
        if (deleted == 0) {
            return new Result(Outcome.NOT_BLOCKED, other);
        }
        BlockedMembersBadge.forget();
        events.publishEvent(new MemberUnblocked(blockerId, other.id()));
        return new Result(Outcome.UNBLOCKED, other);
    }

    /** The members {@code blockerId} blocked, newest first, after the keyset cursor; one more than asked tells if there is more. */
    @Transactional(readOnly = true)
    BlockedPage blockedBy(long blockerId, BlockCursor cursor, int limit) {
        record Row(long id, Instant at) {
        }
        List<Row> rows = jdbc.sql("""
                        select blocked_id, created_at from member_block
                        where blocker_id = :m and (created_at, blocked_id) < (:at, :id)
                        order by created_at desc, blocked_id desc
                        limit :n""")
                .param("m", blockerId).param("at", Timestamp.from(cursor.at())).param("id", cursor.id()).param("n", limit + 1)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getTimestamp(2).toInstant())).list();
        KeysetSlice<Row> slice = KeysetSlice.of(rows, limit);
        List<Row> page = slice.rows();
        Map<Long, MemberCard> cardsById = page.isEmpty() ? Map.of() : cards.cardsFor(page.stream().map(Row::id).toList());
        List<BlockedMember> result = new ArrayList<>(page.size());
        for (Row row : page) {
            MemberCard card = cardsById.get(row.id());
            if (card != null) {
                result.add(new BlockedMember(card, row.at()));
            }
        }
        String next = slice.next(row -> new BlockCursor(row.at(), row.id()).encode());
        return new BlockedPage(result, next);
    }

    /**
     * A transaction-scoped lock on the unordered pair, shared by blocking and by the writers that
     * ask {@link #isBlockedEitherWayLocking}. Hash collisions only make unrelated pairs wait briefly.
     */
    private void lockPair(long a, long b) {
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtextextended('member-pair:' || :lo || ':' || :hi, 0))) l")
                .param("lo", Math.min(a, b)).param("hi", Math.max(a, b)).query(Integer.class).single();
    }
}
