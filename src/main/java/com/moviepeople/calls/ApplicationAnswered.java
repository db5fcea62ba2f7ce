package com.moviepeople.calls;

/** The poster shortlisted ({@code shortlisted} true) or declined an application. */
public record ApplicationAnswered(long callId, long applicationId, long posterId, long applicantId, String title,
                                  boolean shortlisted) {
}
