package com.moviepeople.search;

import com.moviepeople.connections.ConnectionState;
import com.moviepeople.shared.MemberCard;

/** One search result: who it is, and how the searching member stands with them. */
record PersonResult(MemberCard member, ConnectionState state) {
}
