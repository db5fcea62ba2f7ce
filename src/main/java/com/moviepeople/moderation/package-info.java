/**
 * Reports and moderation: members report a member, post, comment or message they can see, with a
 * reason; moderators (ROLE_MODERATOR) work through the open reports and dismiss them or suspend
 * the member concerned. It asks the owning modules (feed, messaging, profiles, accounts) whether
 * the reporter may see the thing, so nothing can be reported, or probed, by guessing ids.
 * No public API: nothing depends on moderation.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"accounts", "calls", "profiles", "feed", "messaging", "shared"})
package com.moviepeople.moderation;
