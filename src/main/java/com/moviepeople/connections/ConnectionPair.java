package com.moviepeople.connections;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * A row of the module's documented SQL function {@code mp_connection_between(viewer, other)} (V47)
 * as another module's statement reads it (people search joins it into its own statement), for
 * {@link Connections#stateOf}: {@code id} null when there is no connection between the two.
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
}
