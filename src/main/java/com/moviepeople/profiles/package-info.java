/**
 * Profiles: the profile fields, the edit page and the public profile page (with the member's
 * portfolio). API: {@link com.moviepeople.profiles.ProfileService}, {@link com.moviepeople.profiles.ProfileView},
 * and the {@link com.moviepeople.shared.MemberCards} implementation for lists of members.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"accounts", "availability", "blocking", "connections", "credits", "media", "portfolio", "shared"})
package com.moviepeople.profiles;
