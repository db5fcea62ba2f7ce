package com.moviepeople.profiles;

import org.springframework.util.StringUtils;

/**
 * A member's public profile. Profile fields are null until the member fills them in;
 * {@code displayName} and {@code username} are always there.
 */
public record ProfileView(long memberId, String username, String displayName, String headline, String role,
                          String location, String bio, String website, String photoId) {

    /** The photo at {@code size} ("96" or "400"), or null without a photo (the initials then). */
    public String photo(String size) {
        return photoId == null ? null : com.moviepeople.media.Picture.url(photoId, size);
    }

    /** Nothing but the name filled in yet. */
    public boolean isEmpty() {
        return !StringUtils.hasText(headline) && !StringUtils.hasText(role) && !StringUtils.hasText(location)
                && !StringUtils.hasText(bio) && !StringUtils.hasText(website);
    }

    /** The website without its scheme, for link text ({@code example.com/reel}). */
    public String websiteLabel() {
        if (website == null) {
            return null;
        }
        String label = website.replaceFirst("(?i)^https?://(www\\.)?", "");
        return label.endsWith("/") ? label.substring(0, label.length() - 1) : label;
    }
}
