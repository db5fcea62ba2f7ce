package com.moviepeople.calls;

import com.moviepeople.shared.ReportableContent;

import java.util.Optional;

/** The calls module's API for other modules (reports and moderation). */
public interface Calls {

    /** A call {@code viewerId} can see, for a report: its poster, its words and its page; empty otherwise. */
    Optional<ReportableContent> reportableCall(long viewerId, long callId);

    /**
     * A moderator removes the call: it leaves every list and page (its poster still sees it), and
     * everyone who applied and was not declined is told it was cancelled. False if it was not open.
     */
    boolean remove(long callId, long moderatorId);
}
