package com.moviepeople.connections;

/** An accepted connection was removed by one of its two members. */
public record ConnectionRemoved(long connectionId, long memberA, long memberB) {
}
