package com.moviepeople.credits;

import java.time.Instant;

/** {@code confirmerId} confirmed {@code ownerId}'s credit as {@code role} on a production. */
public record CreditConfirmed(long creditId, long ownerId, long confirmerId, long productionId, String productionTitle,
                              int year, String role, Instant at) {
}
