package com.moviepeople.connections;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * A row of the module's documented SQL function {@code mp_connection_between(viewer, other)} (V47)
 * as another module's statement reads it (people search joins it into its own statement, the
 * profile page through {@code mp_profile_connections}, V48), for {@link Connections#stateOf}:
 * {@code id} null when there is no connection between the two.
 */
public record ConnectionPair(Long id, long requesterId, String status, Instant respondedAt) {

    /**
     * The pair from the function's four columns, selected with their names after {@code prefix}
     * ({@code <prefix>id}, {@code <prefix>requester_id}, {@code <prefix>status},
     * {@code <prefix>responded_at}).
     */
    public static ConnectionPair read(ResultSet rs, String prefix) throws SQLException {
        Timestamp respondedAt = rs.getTimestamp(prefix + "responded_at");
        return new ConnectionPair(rs.getObject(prefix + "id", Long.class), rs.getLong(prefix + "requester_id"),
                rs.getString(prefix + "status"), respondedAt == null ? null : respondedAt.toInstant());
    }

    /**
     * The select list that names the function's columns, read from the join aliased {@code alias},
     * as {@link #read} expects them after {@code prefix}.
     */
    public static String columns(String alias, String prefix) {
        return "%1$s.id as %2$sid, %1$s.requester_id as %2$srequester_id, %1$s.status as %2$sstatus, %1$s.responded_at as %2$sresponded_at"
                .formatted(alias, prefix);
    }

    /** Whether the two are connected (an accepted request). */
    public boolean connected() {
        return id != null && "ACCEPTED".equals(status);
    }
}
