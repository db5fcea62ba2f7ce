package com.moviepeople.shared;

/**
 * A count shown in the navigation on every logged-in page (unread messages, pending requests).
 * Modules contribute beans; the layout reads them by {@link #name()}, so the navigation never
 * depends on the modules that own the numbers.
 */
public interface NavigationBadge {

    /** The key the layout uses: {@code unreadMessages} or {@code pendingRequests}. */
    String name();

    long countFor(long memberId);
}
