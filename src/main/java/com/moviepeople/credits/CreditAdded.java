package com.moviepeople.credits;

import java.time.Instant;

/** {@code memberId} added a credit on a production (committed with it). */
public record CreditAdded(long creditId, long memberId, long productionId, String productionTitle, int year,
                          String role, Instant at) {
}
