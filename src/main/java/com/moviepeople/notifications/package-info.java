/**
 * In-app notifications: a member hears about requests to connect, accepted requests, comments on
 * their posts and on posts they commented on, applause, and confirmed credits. Listens to the
 * other modules' events; activity on the same thing joins one unread notification ("Maya and 4
 * others applauded your post"). Deleted things take their notifications with them (foreign keys,
 * V33); a block removes what the two members heard about each other. The navigation's bell counts
 * the unread ones, and the messaging module's live stream ({@code LiveUpdates}) tells the member's open
 * pages, on any instance, to fetch it again. No public API: nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"accounts", "blocking", "calls", "connections", "credits", "feed", "messaging", "shared"})
package com.moviepeople.notifications;
