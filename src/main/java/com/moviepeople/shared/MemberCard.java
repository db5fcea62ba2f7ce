package com.moviepeople.shared;

/**
 * What a list needs to show a member (connections, search results, feed authors, inbox):
 * name, link, photo and the professional basics. Profile fields may be null or empty until filled
 * in; {@code photoId} is null without a photo (the initials show then).
 */
public record MemberCard(long id, String username, String displayName, String headline, String role, String location,
                         String photoId) {

    /** The 96-pixel photo's address, or null. */
    public String getPhoto() {
        return photoId == null ? null : "/media/" + photoId + "-96.jpg";
    }

    /** The profile page's address. */
    public String getLink() {
        return "/people/" + username;
    }

    /** The initials the avatar shows without a photo ({@link Avatars#initialsOf}). */
    public String getInitials() {
        return Avatars.initialsOf(displayName);
    }

    /** The avatar's colour class suffix ({@link Avatars#toneOf}). */
    public int getTone() {
        return Avatars.toneOf(displayName);
    }
}
