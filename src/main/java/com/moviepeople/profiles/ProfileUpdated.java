package com.moviepeople.profiles;

/**
 * A member saved their profile (display name and profile fields). Published inside the saving
 * transaction, after both are written; read the new values through {@link ProfileService#findById}.
 */
public record ProfileUpdated(long memberId) {
}
