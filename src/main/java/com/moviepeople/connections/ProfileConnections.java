package com.moviepeople.connections;

/**
 * What a member's profile page shows about connections, for one viewer: the member's number of
 * connections, the viewer's relation to them, and the connections they share.
 */
public record ProfileConnections(long connectionCount, ConnectionState state, MutualConnections mutual) {

    /** Nothing about connections (a page that shows none of them). */
    public static final ProfileConnections NONE = new ProfileConnections(0, ConnectionState.none(), MutualConnections.NONE);
}
