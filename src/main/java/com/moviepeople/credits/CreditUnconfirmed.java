package com.moviepeople.credits;

/** {@code confirmerId}'s confirmation of a credit is gone (withdrawn, or hidden by the credit's owner). */
public record CreditUnconfirmed(long creditId, long confirmerId) {
}
