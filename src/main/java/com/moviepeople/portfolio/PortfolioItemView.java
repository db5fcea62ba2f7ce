package com.moviepeople.portfolio;

import java.time.Instant;

/**
 * A portfolio item as pages show it. {@code media} is null when the item has no media URL.
 * Items are anchored on the owner's profile page as {@code #item-ID}.
 */
public record PortfolioItemView(long id, long ownerId, String title, String description, String mediaUrl,
                                Media media, Integer year, String creditRole, Instant createdAt, Long creditId,
                                java.util.List<Still> stills) {

    /** "2024 · Editor", "2024", "Editor" or empty. */
    public String credits() {
        StringBuilder sb = new StringBuilder();
        if (year != null) {
            sb.append(year);
        }
        if (creditRole != null && !creditRole.isBlank()) {
            sb.append(sb.isEmpty() ? "" : " · ").append(creditRole);
        }
        return sb.toString();
    }
}
