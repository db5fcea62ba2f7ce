/**
 * Private 1:1 conversations between connected members, the inbox and unread counts.
 * Public API: {@link com.moviepeople.messaging.Messaging} and its exceptions
 * {@link com.moviepeople.messaging.InvalidMessageException} and
 * {@link com.moviepeople.messaging.SendingNotAllowedException}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"accounts", "blocking", "connections", "shared"})
package com.moviepeople.messaging;
