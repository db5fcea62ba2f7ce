package com.moviepeople.export;

import com.moviepeople.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The member's side of exports: asking for one (at most one a day), the list, and what may be
 * downloaded. Only the owner ever sees an export; for anyone else it does not exist.
 */
@Service
class ExportService {

    /** One export a day: a request within this time of the last one (unless that one failed) is refused. */
    static final Duration ONE_A_DAY = Duration.ofHours(24);
    /** How long a finished export may be downloaded before its file is deleted. */
    static final Duration KEPT = Duration.ofDays(7);
    /** The settings page lists this many, newest first. */
    static final int LISTED = 20;

    /** Either accepted, or refused until {@code nextAllowedAt}. */
    record RequestResult(boolean accepted, Instant nextAllowedAt) {
    }

    /** What the owner may download: the stored file and the name it gets. */
    record Download(String storageKey, long size, LocalDate madeOn) {
    }

    private final JdbcClient jdbc;

    ExportService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public RequestResult request(long memberId) {
        // Two requests at once (a double click, two tabs) are taken in turn, so only one passes.
        jdbc.sql("select 1 from (select pg_advisory_xact_lock(hashtextextended('data-export:' || :m, 0))) l")
                .param("m", memberId).query(Integer.class).single();
        Optional<Instant> last = jdbc.sql("""
                        select requested_at from data_export
                        where member_id = :m and status <> 'failed' and requested_at > now() - cast(:day as interval)
                        order by requested_at desc limit 1""")
                .param("m", memberId).param("day", ONE_A_DAY.toSeconds() + " seconds")
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional();
        if (last.isPresent()) {
            return new RequestResult(false, last.get().plus(ONE_A_DAY));
        }
        jdbc.sql("insert into data_export (member_id) values (:m)").param("m", memberId).update();
        return new RequestResult(true, null);
    }

    @Transactional(readOnly = true)
    public List<ExportView> exportsOf(long memberId) {
        return jdbc.sql("""
                        select id, status, requested_at, finished_at, expires_at, file_size, now() as now from data_export
                        where member_id = :m order by requested_at desc, id desc limit :n""")
                .param("m", memberId).param("n", LISTED)
                .query((rs, n) -> {
                    Instant expiresAt = instant(rs.getTimestamp("expires_at"));
                    String status = rs.getString("status");
                    // Past its time but not cleaned up yet: expired all the same.
                    if ("ready".equals(status) && !expiresAt.isAfter(rs.getTimestamp("now").toInstant())) {
                        status = "expired";
                    }
                    return new ExportView(rs.getLong("id"), status, rs.getTimestamp("requested_at").toInstant(),
                            instant(rs.getTimestamp("finished_at")), expiresAt, (Long) rs.getObject("file_size"));
                })
                .list();
    }

    /** The member's own export, ready and not expired; anything else (someone else's, unknown, expired) is not found. */
    @Transactional(readOnly = true)
    public Download download(long memberId, long exportId) {
        return jdbc.sql("""
                        select storage_key, file_size, finished_at from data_export
                        where id = :id and member_id = :m and status = 'ready' and expires_at > now()""")
                .param("id", exportId).param("m", memberId)
                .query((rs, n) -> new Download(rs.getString("storage_key"), rs.getLong("file_size"),
                        LocalDate.ofInstant(rs.getTimestamp("finished_at").toInstant(), ZoneOffset.UTC)))
                .optional().orElseThrow(NotFoundException::new);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
