package com.moviepeople.credits;

import java.util.Set;

/** The credits module's API for other modules (the profile page). */
public interface Credits {

    /** Most credits a member keeps: a long filmography, and a profile page that stays light. */
    int MAX_CREDITS_PER_MEMBER = 300;

    /**
     * {@code ownerId}'s credits, newest production first, as {@code viewerId} (null for a visitor) may
     * see them, leaving out confirmations by {@code blocked} (members blocked either way by the viewer).
     * A constant number of statements however many credits there are.
     */
    ProfileCredits profileCredits(long ownerId, Long viewerId, Set<Long> blocked);

    /** A credit to choose from (the portfolio form): "Gaffer · Title (2022)". */
    record CreditOption(long id, String label, long productionId) {
    }

    /** The member's credits, newest production first. */
    java.util.List<CreditOption> creditsOf(long memberId);

    /** A credit as a list shows it: "Gaffer · Title (2022)", whose it is, and how many colleagues confirmed it (shown ones). */
    record CreditSummary(long id, long memberId, String label, long confirmations) {
    }

    /** Many credits in one statement, keyed by id; unknown ids are left out. */
    java.util.Map<Long, CreditSummary> summaries(java.util.Collection<Long> creditIds);

    /** Whether the credit exists and is the member's. */
    boolean ownsCredit(long memberId, long creditId);

    /**
     * For the demo community and importers, with the pages' rules: the production with this title
     * and year, created if there is none (no "did you mean" here); returns its id.
     */
    long findOrCreateProduction(long creatorId, String title, int year, String kind, String link);

    /** Adds a credit as {@code POST /credits} does; returns its id. @throws IllegalArgumentException for a duplicate */
    long addCredit(long memberId, long productionId, String role, String note);

    /** Confirms a colleague's credit as {@code POST /credits/{id}/confirm} does (NotFoundException when not allowed). */
    void confirmCredit(long memberId, long creditId);

    /** Whether the credit still exists (listeners that run after the fact check before they write). */
    boolean creditExists(long creditId);

    /** Whether {@code confirmerId}'s confirmation of the credit exists and its owner shows it. */
    boolean confirmationShown(long creditId, long confirmerId);
}
