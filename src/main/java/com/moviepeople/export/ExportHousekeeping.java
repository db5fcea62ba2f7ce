package com.moviepeople.export;

import com.moviepeople.accounts.MemberDeleted;
import com.moviepeople.media.PrivateFiles;
import com.moviepeople.shared.Housekeeping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Deletes export files: once their 7 days are over (with the app's hourly clean-up, which ShedLock
 * runs on one instance at a time; the row stays, marked expired, for the settings page), and all of
 * a member's when the account is deleted. Old rows go after {@link #ROWS_KEPT}.
 */
@Component
class ExportHousekeeping implements Housekeeping {

    static final String ROWS_KEPT = "90 days";
    private static final Logger log = LoggerFactory.getLogger(ExportHousekeeping.class);

    private record Expired(long id, String key) {
    }

    private final JdbcClient jdbc;
    private final PrivateFiles files;

    ExportHousekeeping(JdbcClient jdbc, PrivateFiles files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    @Override
    public String name() {
        return "expired data exports";
    }

    @Override
    public long cleanUp(Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        long expired = Housekeeping.inBatches(() -> {
            List<Expired> batch = jdbc.sql("""
                            select id, storage_key from data_export where status = 'ready' and expires_at <= :at
                            order by expires_at limit :batch""")
                    .param("at", at).param("batch", Housekeeping.BATCH)
                    .query((rs, n) -> new Expired(rs.getLong("id"), rs.getString("storage_key"))).list();
            // The file first, then the row: a failure in between leaves a row whose file the next run deletes again.
            for (Expired export : batch) {
                deleteFile(export.key());
            }
            if (!batch.isEmpty()) {
                jdbc.sql("update data_export set status = 'expired', storage_key = null where id = any(:ids) and status = 'ready'")
                        .param("ids", batch.stream().mapToLong(Expired::id).toArray()).update();
            }
            return batch.size();
        });
        long old = Housekeeping.inBatches(() -> jdbc.sql("""
                        delete from data_export where id in (
                            select id from data_export where status in ('expired', 'failed')
                              and requested_at < :at - cast(:kept as interval) limit :batch)""")
                .param("at", at).param("kept", ROWS_KEPT).param("batch", Housekeeping.BATCH).update());
        return expired + old;
    }

    /**
     * The account is going: its rows go with it (ON DELETE CASCADE), so the files' keys are read now,
     * inside the deleting transaction, and the files deleted once it commits. An export being built
     * meanwhile finds its row gone and deletes its own file.
     */
    @EventListener
    void on(MemberDeleted event) {
        List<String> keys = jdbc.sql("select storage_key from data_export where member_id = :m and storage_key is not null")
                .param("m", event.memberId()).query(String.class).list();
        if (keys.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            keys.forEach(this::deleteFile);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                keys.forEach(ExportHousekeeping.this::deleteFile);
            }
        });
    }

    private void deleteFile(String key) {
        try {
            files.delete(key);
        } catch (IOException | RuntimeException e) {
            log.warn("Could not delete data export file {}: {}", key, e.getMessage());
        }
    }
}
