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

    /**
     * Posts a call by the page's rules (e.g. for the demo community); the call's id.
     *
     * @throws IllegalArgumentException the form breaks a rule, or the member has too many open calls
     */
    long post(long posterId, CallForm form);

    /** Applies by the page's rules; false if the member had applied already. */
    boolean apply(long memberId, long callId, String note, java.util.Collection<Long> creditIds, java.util.Collection<Long> itemIds);

    /** Shortlists ({@code true}) or declines an application to the poster's open call. */
    boolean answer(long posterId, long callId, long applicationId, boolean shortlist);

    /** The member's application to the call, if any. */
    Optional<Long> applicationOf(long memberId, long callId);

    /** True while nobody has posted a call (the demo data loads only then). */
    boolean isEmpty();
}
