package com.moviepeople.shared;

/**
 * A count shown in the navigation on every logged-in page (unread messages, pending requests).
 * Modules contribute beans; the layout reads them by {@link #name()}, so the navigation never
 * depends on the modules that own the numbers.
 * <p>
 * Each badge is a scalar SQL query over its own module's tables, with the member's id as the
 * named parameter {@code :member}; the navigation runs all of them as one statement (one round
 * trip per page, whatever the number of badges). A module may also read there something each page
 * needs anyway, shown nowhere ({@link #read}).
 */
public interface NavigationBadge {

    /** The key the layout uses: {@code unreadMessages} or {@code pendingRequests}. */
    String name();

    /**
     * A query returning one number for {@code :member}, e.g. {@code select count(*) from … where … = :member}
     * (or one short text, such as the member's photo id; null when there is none).
     */
    String countQuery();

    /**
     * This badge's value as the navigation's statement read it for {@code memberId}, at the start of
     * a page's request (before its controller runs). A badge whose value the page needs as well
     * (who is blocked either way) keeps it for the rest of the request, so the page does not ask
     * again; the others ignore it.
     */
    default void read(long memberId, Object value) {
    }
}
