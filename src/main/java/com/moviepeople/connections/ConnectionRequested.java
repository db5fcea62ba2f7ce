package com.moviepeople.connections;

/** {@code requesterId} asked {@code receiverId} to connect (a new request, or a renewed one after a rejection). */
public record ConnectionRequested(long connectionId, long requesterId, long receiverId) {
}
