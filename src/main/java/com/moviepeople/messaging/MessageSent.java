package com.moviepeople.messaging;

/** A message was stored (published in the sending transaction, handled after it commits). */
public record MessageSent(long messageId, long senderId, long recipientId) {
}
