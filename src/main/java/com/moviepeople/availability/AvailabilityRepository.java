package com.moviepeople.availability;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The module's tables (V30): ranges, settings; every read of ranges uses the (member_id, period) GiST index. */
@Repository
class AvailabilityRepository {

    private static final String COLUMNS = "id, start_date, end_date, status, hold_rank, note";

    private final JdbcClient jdbc;

    AvailabilityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The member's ranges that end today or later, soonest first. */
    List<AvailabilityRange> upcoming(long memberId, LocalDate today) {
        return jdbc.sql("select " + COLUMNS + """
                         from availability_range
                        where member_id = :member and period && daterange(cast(:today as date), null)
                        order by start_date""")
                .param("member", memberId).param("today", today)
                .query(AvailabilityRepository::range).list();
    }

    /**
     * Serializes one member's writes to their ranges until the transaction ends: two overlapping
     * inserts at once would otherwise deadlock in the exclusion constraint's check (each waits for
     * the other's tuple); this way the second sees the first and is refused as an overlap.
     */
    void lockMember(long memberId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('availability:' || :member, 0))")
                .param("member", memberId).query().singleRow();
    }

    long countUpcoming(long memberId, LocalDate today) {
        return jdbc.sql("select count(*) from availability_range where member_id = :member and period && daterange(cast(:today as date), null)")
                .param("member", memberId).param("today", today).query(Long.class).single();
    }

    Optional<AvailabilityRange> find(long memberId, long id) {
        return jdbc.sql("select " + COLUMNS + " from availability_range where id = :id and member_id = :member")
                .param("id", id).param("member", memberId)
                .query(AvailabilityRepository::range).optional();
    }

    /** Another range of the member sharing a day with start..end (leaving out {@code exceptId}). */
    Optional<AvailabilityRange> firstOverlap(long memberId, LocalDate start, LocalDate end, long exceptId) {
        return jdbc.sql("select " + COLUMNS + """
                         from availability_range
                        where member_id = :member and period && daterange(cast(:start as date), cast(:end as date), '[]')
                          and id <> :except
                        order by start_date limit 1""")
                .param("member", memberId).param("start", start).param("end", end).param("except", exceptId)
                .query(AvailabilityRepository::range).optional();
    }

    long insert(long memberId, LocalDate start, LocalDate end, AvailabilityStatus status, Integer holdRank, String note) {
        return jdbc.sql("""
                        insert into availability_range (member_id, start_date, end_date, status, hold_rank, note)
                        values (:member, :start, :end, :status, :rank, :note) returning id""")
                .param("member", memberId).param("start", start).param("end", end).param("status", status.name())
                .param("rank", holdRank).param("note", note)
                .query(Long.class).single();
    }

    boolean update(long memberId, long id, LocalDate start, LocalDate end, AvailabilityStatus status, Integer holdRank, String note) {
        return jdbc.sql("""
                        update availability_range
                           set start_date = :start, end_date = :end, status = :status, hold_rank = :rank, note = :note,
                               updated_at = now()
                         where id = :id and member_id = :member""")
                .param("id", id).param("member", memberId).param("start", start).param("end", end)
                .param("status", status.name()).param("rank", holdRank).param("note", note)
                .update() == 1;
    }

    boolean delete(long memberId, long id) {
        return jdbc.sql("delete from availability_range where id = :id and member_id = :member")
                .param("id", id).param("member", memberId).update() == 1;
    }

    /** The member's setting: visibility and whether a feed exists. */
    Setting setting(long memberId) {
        return jdbc.sql("select visibility, feed_token_hash is not null as has_feed from availability_setting where member_id = :member")
                .param("member", memberId)
                .query((rs, n) -> new Setting(AvailabilityVisibility.valueOf(rs.getString("visibility")), rs.getBoolean("has_feed")))
                .optional().orElse(Setting.DEFAULT);
    }

    void saveVisibility(long memberId, AvailabilityVisibility visibility) {
        jdbc.sql("""
                        insert into availability_setting (member_id, visibility) values (:member, :visibility)
                        on conflict (member_id) do update set visibility = excluded.visibility""")
                .param("member", memberId).param("visibility", visibility.name()).update();
    }

    /** Replaces the feed token's hash (null: no feed). */
    void saveFeedTokenHash(long memberId, byte[] hash) {
        jdbc.sql("""
                        insert into availability_setting (member_id, feed_token_hash) values (:member, :hash)
                        on conflict (member_id) do update set feed_token_hash = excluded.feed_token_hash""")
                .param("member", memberId).param("hash", hash).update();
    }

    /** The ranges of the feed whose token hashes to {@code hash}, ending today or later; empty for no such feed. */
    Optional<List<AvailabilityRange>> feed(byte[] hash, LocalDate today) {
        Optional<Long> member = jdbc.sql("select member_id from availability_setting where feed_token_hash = :hash")
                .param("hash", hash).query(Long.class).optional();
        return member.map(id -> upcoming(id, today));
    }

    private static final String ANSWERS = "select p.answers from (select 1) one " + StripWeeks.join(":owner", "p");

    /**
     * {@code viewer}'s answers about {@code owner} for the given periods, in order; no answers at
     * all when the viewer may not know. One statement: the module's documented function
     * {@code mp_availability_periods} (V49), which asks the visibility once and gives each period
     * mp_availability's answer (V30) from the gist index. Calling mp_availability per period
     * instead cost 0.45 ms for the profile's eight weeks, more than every other statement of the
     * page together: a scalar SQL function with sub-selects is never inlined, so each call ran
     * three statements of its own. AvailabilitySqlFunctionsIntegrationTests checks that both give
     * the same answers.
     */
    List<String> answers(long owner, Long viewer, List<AvailabilityPeriod> periods) {
        if (viewer == null || periods.isEmpty()) {
            return List.of();
        }
        StripWeeks asked = new StripWeeks(periods);
        return jdbc.sql(ANSWERS)
                .param("owner", owner).param("viewer", viewer)
                .param("p_firsts", asked.firsts()).param("p_lasts", asked.lasts())
                .query((rs, n) -> {
                    java.sql.Array answers = rs.getArray("answers");
                    return answers == null ? List.<String>of() : List.of((String[]) answers.getArray());
                })
                .single();
    }

    private static AvailabilityRange range(ResultSet rs, int row) throws SQLException {
        return new AvailabilityRange(rs.getLong("id"), rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class), AvailabilityStatus.valueOf(rs.getString("status")),
                rs.getObject("hold_rank", Integer.class), rs.getString("note"));
    }

    record Setting(AvailabilityVisibility visibility, boolean hasFeed) {
        static final Setting DEFAULT = new Setting(AvailabilityVisibility.CONNECTIONS, false);
    }
}
