package com.moviepeople.portfolio;

/** Published when the owner changes an item. {@code mediaUrl} may be null. */
public record PortfolioItemUpdated(long itemId, long ownerId, String title, String mediaUrl) {
}
