package com.moviepeople.connections;

import java.util.List;

/**
 * The members connected to both of two members: how many, and the first few ids (lowest first, so
 * a page showing them is stable).
 */
public record MutualConnections(long count, List<Long> sample) {

    public static final MutualConnections NONE = new MutualConnections(0, List.of());
}
