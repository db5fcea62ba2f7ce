package com.moviepeople.accounts;

/** Published once a new member's account is committed. */
public record MemberRegistered(long memberId, String username, String displayName) {
}
