package com.moviepeople.credits;

/** {@code confirmerId}'s confirmation of {@code ownerId}'s credit is gone (withdrawn, or hidden by the credit's owner). */
public record CreditUnconfirmed(long creditId, long ownerId, long confirmerId) {
}
