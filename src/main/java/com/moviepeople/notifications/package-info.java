/**
 * In-app notifications: a member hears about requests to connect, accepted requests, comments on
 * their posts and on posts they commented on, applause, and confirmed credits. Listens to the
 * other modules' events; activity on the same thing joins one unread notification ("Maya and 4
 * others applauded your post"). Deleted things take their notifications with them (foreign keys,
 * V33); a block removes what the two members heard about each other. The navigation's bell counts
 * the unread ones. No public API: nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"blocking", "connections", "credits", "feed", "shared"})
package com.moviepeople.notifications;
