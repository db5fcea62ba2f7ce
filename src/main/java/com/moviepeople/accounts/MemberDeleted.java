package com.moviepeople.accounts;

/**
 * A member deleted their account. Published inside the deleting transaction, just before the
 * member row goes (most of their data follows by ON DELETE CASCADE); listeners with data that
 * must outlive the member (conversations seen by others) adapt it here.
 */
public record MemberDeleted(long memberId, String username) {
}
