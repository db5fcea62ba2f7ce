package com.moviepeople.messaging;

import java.time.Instant;

/** A member's unread messages from one sender: how many, and when the latest came. */
public record UnreadMessages(long senderId, long count, Instant latestAt) {
}
