package com.moviepeople.export;

import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.accounts.MemberSummary;
import com.moviepeople.media.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Builds the requested exports, polling every few seconds on every instance
 * ({@code moviepeople.export.poll}). An instance claims one row at a time with {@code FOR UPDATE
 * SKIP LOCKED} and a lease ({@code claimed_until}, {@link #LEASE}): two instances never build the
 * same export, and one that dies mid-build (a crash, a restart) leaves it to the next poll once
 * the lease runs out. After {@link #ATTEMPTS} attempts the export is marked failed. The same
 * pattern as the notification mails' delivery.
 */
@Component
class ExportWorker {

    static final int ATTEMPTS = 3;
    static final String LEASE = "15 minutes";
    /** After a failed attempt, the next waits this long. */
    static final String RETRY_AFTER = "1 minute";

    private static final Logger log = LoggerFactory.getLogger(ExportWorker.class);

    record Claim(long id, long memberId, int attempt) {
    }

    /** Exports nobody is building: not finished, and unclaimed or their builder's lease over. */
    private static final String UNCLAIMED = "status in ('requested', 'running') and (claimed_until is null or claimed_until < now())";

    /** Claimable: not finished, attempts left, and no live lease. */
    private static final String DUE = UNCLAIMED + " and attempts < :attempts";

    /** Exports whose last attempt died with its instance: the lease is over and no attempts are left. */
    private static final String EXHAUSTED = UNCLAIMED + " and attempts >= :attempts";

    private final JdbcClient jdbc;
    private final ExportArchive archive;
    private final PrivateFiles files;
    private final MemberDirectory members;
    private final TransactionTemplate snapshot;
    private final Clock clock;

    ExportWorker(JdbcClient jdbc, ExportArchive archive, PrivateFiles files, MemberDirectory members,
                 PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.archive = archive;
        this.files = files;
        this.members = members;
        this.clock = clock;
        // One consistent picture of the member's data across all files: a read-only snapshot.
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    // The first poll also waits one period, so that tests (poll PT1H) run the worker themselves.
    @Scheduled(fixedDelayString = "${moviepeople.export.poll:PT10S}", initialDelayString = "${moviepeople.export.poll:PT10S}")
    void scheduled() {
        try {
            runDue();
        } catch (RuntimeException e) {
            log.warn("Building data exports failed; the next poll tries again: {}", e.getMessage());
        }
    }

    /** What a poll found: exports to build, and exports to give up on. */
    private record Work(boolean due, boolean exhausted) {
    }

    /** Builds what is due, one export after another; how many were built. */
    int runDue() {
        // One read first: an idle poll (every 10 s on every instance) runs nothing else, no update either.
        Work work = jdbc.sql("select exists (select 1 from data_export where " + DUE + "),"
                        + " exists (select 1 from data_export where " + EXHAUSTED + ")")
                .param("attempts", ATTEMPTS).query((rs, n) -> new Work(rs.getBoolean(1), rs.getBoolean(2))).single();
        if (work.exhausted()) {
            giveUpOnExhausted();
        }
        if (!work.due()) {
            return 0;
        }
        int built = 0;
        Optional<Claim> claim;
        while ((claim = claim()).isPresent()) {
            if (build(claim.get())) {
                built++;
            }
        }
        return built;
    }

    /** Takes the oldest due export for this instance, or none if there is none (or all are taken). */
    Optional<Claim> claim() {
        return jdbc.sql("""
                        update data_export set status = 'running', attempts = attempts + 1,
                               claimed_until = now() + cast(:lease as interval), started_at = now()
                        where id = (select id from data_export where %s
                                    order by requested_at, id limit 1
                                    for update skip locked)
                        returning id, member_id, attempts""".formatted(DUE))
                .param("lease", LEASE).param("attempts", ATTEMPTS)
                .query((rs, n) -> new Claim(rs.getLong("id"), rs.getLong("member_id"), rs.getInt("attempts")))
                .optional();
    }

    /** Builds and stores the claimed export; whether it is ready now. */
    boolean build(Claim claim) {
        Path zip = null;
        try {
            Optional<MemberSummary> member = members.findById(claim.memberId());
            if (member.isEmpty()) {
                return false; // the account is going; its row goes with it
            }
            zip = snapshot.execute(status -> {
                try {
                    return archive.build(claim.memberId(), member.get().username(), clock.instant());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            long size = Files.size(zip);
            String key = files.storeZip(zip);
            int updated = jdbc.sql("""
                            update data_export set status = 'ready', finished_at = now(), expires_at = now() + cast(:kept as interval),
                                   storage_key = :key, file_size = :size, claimed_until = null, error = null
                            where id = :id and status = 'running' and attempts = :attempt""")
                    .param("kept", ExportService.KEPT.toSeconds() + " seconds").param("key", key).param("size", size)
                    .param("id", claim.id()).param("attempt", claim.attempt())
                    .update();
            if (updated == 0) {
                // Our lease ran out and another instance took over, or the account was deleted meanwhile.
                files.delete(key);
                return false;
            }
            log.info("Data export {} ready ({} bytes)", claim.id(), size);
            return true;
        } catch (IOException | RuntimeException e) {
            failed(claim, e);
            return false;
        } finally {
            if (zip != null) {
                try {
                    Files.deleteIfExists(zip);
                } catch (IOException e) {
                    log.warn("Could not delete temporary export {}", zip);
                }
            }
        }
    }

    private void failed(Claim claim, Exception e) {
        boolean last = claim.attempt() >= ATTEMPTS;
        (last ? log.atError() : log.atWarn()).setCause(e)
                .log("Data export {} failed (attempt {} of {})", claim.id(), claim.attempt(), ATTEMPTS);
        String error = (e.getClass().getSimpleName() + ": " + e.getMessage());
        jdbc.sql("""
                        update data_export set status = case when :last then 'failed' else 'requested' end,
                               finished_at = case when :last then now() end,
                               claimed_until = case when :last then null else now() + cast(:retry as interval) end,
                               error = :error
                        where id = :id and status = 'running' and attempts = :attempt""")
                .param("last", last).param("retry", RETRY_AFTER)
                .param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                .param("id", claim.id()).param("attempt", claim.attempt())
                .update();
    }

    /** Exports whose last attempt died with its instance (lease over, no attempts left) are failed. */
    private void giveUpOnExhausted() {
        jdbc.sql("""
                        update data_export set status = 'failed', finished_at = now(), claimed_until = null,
                               error = coalesce(error, 'Gave up after ' || attempts || ' attempts')
                        where %s""".formatted(EXHAUSTED))
                .param("attempts", ATTEMPTS).update();
    }
}
