package com.moviepeople.accounts;

/** A member who may be sent mail: a verified address, not suspended. */
public record MailRecipient(long id, String username, String displayName, String email) {
}
