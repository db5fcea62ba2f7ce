package com.moviepeople.calls;

/** A member applied to a call (published in the applying transaction). */
public record CallApplied(long callId, long applicationId, long posterId, long applicantId, String title) {
}
