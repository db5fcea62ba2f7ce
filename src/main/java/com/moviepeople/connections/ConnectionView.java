package com.moviepeople.connections;

import com.moviepeople.shared.MemberCard;

import java.time.Instant;

/** One row of the connection lists: the other member, how we stand, and since when. */
record ConnectionView(MemberCard member, ConnectionState state, Instant since) {
}
