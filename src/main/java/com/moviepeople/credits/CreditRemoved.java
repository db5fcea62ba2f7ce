package com.moviepeople.credits;

/** A credit was deleted by its owner (its confirmations went with it). */
public record CreditRemoved(long creditId, long memberId) {
}
