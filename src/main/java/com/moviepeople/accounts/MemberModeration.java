package com.moviepeople.accounts;

/** The accounts module's API for moderation: who moderates, and suspending a member. */
public interface MemberModeration {

    /** Read from the database on every call, so a revoked role takes effect at once. */
    boolean isModerator(long memberId);

    /**
     * Suspends {@code memberId}: they cannot log in any more, and {@link MemberSuspended} ends their
     * sessions. Returns false (nothing changed) for an unknown member, a moderator suspending themself, or any moderator.
     */
    boolean suspend(long memberId, long moderatorId);

    /** Makes the member a moderator (demo data, {@code moviepeople.moderators}); false for an unknown username. */
    boolean grantModerator(String username);
}
