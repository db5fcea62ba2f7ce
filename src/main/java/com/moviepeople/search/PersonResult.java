package com.moviepeople.search;

import com.moviepeople.connections.ConnectionState;
import com.moviepeople.shared.MemberCard;

/**
 * One search result: who it is, how the searching member stands with them, and, for a search by
 * dates, their answer for the period ({@code available} or {@code partly}; null otherwise), and why
 * they matched ({@link MatchReasons}).
 */
record PersonResult(MemberCard member, ConnectionState state, String availability, String why) {
}
