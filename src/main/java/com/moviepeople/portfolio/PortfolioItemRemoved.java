package com.moviepeople.portfolio;

/** Published when the owner deletes an item (not when the whole account goes: that cascades in the database). */
public record PortfolioItemRemoved(long itemId, long ownerId) {
}
