package com.moviepeople.portfolio;

import java.time.Instant;

/** Published once for every new portfolio item (the feed turns it into a post). {@code mediaUrl} may be null. */
public record PortfolioItemAdded(long itemId, long ownerId, String title, String mediaUrl, Instant createdAt) {
}
