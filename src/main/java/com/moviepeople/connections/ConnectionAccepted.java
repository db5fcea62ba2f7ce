package com.moviepeople.connections;

/** Two members are now connected (the receiver accepted, or both asked each other). */
public record ConnectionAccepted(long connectionId, long requesterId, long receiverId) {
}
