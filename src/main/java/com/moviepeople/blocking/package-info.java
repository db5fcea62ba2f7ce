/**
 * Blocking: a member blocks another, and from then on neither sees the other's profile details or
 * posts, and no connection request or message passes between them. Public API:
 * {@link com.moviepeople.blocking.Blocks} (the questions every other module asks, and a block made as
 * part of another module's action: "ignore and block" on a connection request) and the events
 * {@link com.moviepeople.blocking.MemberBlocked} and {@link com.moviepeople.blocking.MemberUnblocked}.
 * <p>
 * Its own module rather than part of connections: profiles, feed, messaging and connections all
 * ask it, and it needs nothing from any of them, so it sits below them and cannot form a cycle.
 * What a block undoes elsewhere (the connection, a pending request) is done by those modules'
 * listeners of {@link com.moviepeople.blocking.MemberBlocked}, inside the blocking transaction.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"accounts", "shared"})
package com.moviepeople.blocking;
