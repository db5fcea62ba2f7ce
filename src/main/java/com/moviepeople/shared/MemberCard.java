package com.moviepeople.shared;

/**
 * What a list needs to show a member (connections, search results, feed authors, inbox):
 * name, link, and the professional basics. Profile fields may be null or empty until filled in.
 */
public record MemberCard(long id, String username, String displayName, String headline, String role, String location) {
}
