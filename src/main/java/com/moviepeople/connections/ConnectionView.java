package com.moviepeople.connections;

import com.moviepeople.shared.MemberCard;

import java.time.Instant;

/**
 * One row of the connection lists: the other member, how we stand, since when, and the note of a
 * pending request (null when none; shown as plain text, links not clickable).
 */
record ConnectionView(MemberCard member, ConnectionState state, Instant since, String note) {
}
