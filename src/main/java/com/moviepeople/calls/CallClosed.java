package com.moviepeople.calls;

import java.util.List;

/** The poster closed a call, {@code filled} or cancelled; {@code applicantIds}: everyone not declined before. */
public record CallClosed(long callId, long posterId, String title, boolean filled, List<Long> applicantIds) {
}
