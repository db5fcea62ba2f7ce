/**
 * Private 1:1 conversations between connected members, the inbox and unread counts.
 * Public API: {@link com.moviepeople.messaging.Messaging} and its exceptions
 * {@link com.moviepeople.messaging.InvalidMessageException} and
 * {@link com.moviepeople.messaging.SendingNotAllowedException}, {@link com.moviepeople.messaging.UnreadMessages},
 * the live stream's {@link com.moviepeople.messaging.LiveUpdates}, and the event
 * {@link com.moviepeople.messaging.MessageSent}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"accounts", "blocking", "connections", "shared"})
package com.moviepeople.messaging;
