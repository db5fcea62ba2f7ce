package com.moviepeople.connections;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The row of the module's documented SQL function {@code mp_profile_connections(viewer, owner)}
 * (V48) as another module's statement reads it (the profile page joins it into its own
 * statement), for {@link Connections#profileConnections(Long, long, ProfileConnectionRow, java.util.Collection, int)}:
 * the owner's number of accepted connections, and the connection between the two ({@code id} null
 * when there is none, when the viewer is anonymous, or is the owner).
 */
public record ProfileConnectionRow(long connectionCount, ConnectionPair pair) {

    /** The row from the function's columns, selected with their names after {@code prefix} (see {@link #columns}). */
    public static ProfileConnectionRow read(ResultSet rs, String prefix) throws SQLException {
        return new ProfileConnectionRow(rs.getLong(prefix + "accepted_count"), ConnectionPair.read(rs, prefix));
    }

    /** The select list that names the function's columns, read from the join aliased {@code alias}, after {@code prefix}. */
    public static String columns(String alias, String prefix) {
        return "%1$s.accepted_count as %2$saccepted_count, ".formatted(alias, prefix) + ConnectionPair.columns(alias, prefix);
    }
}
