package com.moviepeople.shared;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Map;

/**
 * The navigation bar at the top of every page, drawn by a compiled template
 * ({@code src/main/jte/shared/navigation.jte}) and taken by {@code layout.html} as ready HTML. In
 * Thymeleaf its links, badges and conditions were a large part of what every page cost, the
 * smallest included. The counts are the navigation's statement's ({@code nav}, see
 * {@link NavigationBadge}); who is signed in comes from it too, or from Spring Security where a page
 * has no {@code nav} (an error page rendered outside our controllers).
 */
@Component("navigation")
public class Navigation {

    /** What the bar shows. */
    public record Bar(boolean signedIn, String username, boolean moderator, long unreadMessages, long pendingRequests,
                      long unreadNotifications, String photo, String query, String logo, String contextPath) {

        /** An address of this application (after its context path, as Thymeleaf's {@code @{…}}). */
        public String path(String path) {
            return contextPath + path;
        }
    }

    private final CompiledTemplates templates;

    Navigation(CompiledTemplates templates) {
        this.templates = templates;
    }

    /**
     * @param nav  the navigation's counts and who is signed in ({@code NavigationAdvice}); null outside our controllers
     * @param logo the logo's versioned address
     */
    public String render(Map<String, Object> nav, String logo) {
        return templates.render("shared/navigation.jte", "bar", bar(nav, logo));
    }

    /** What the bar shows, for a page that draws it itself ({@code shared/layout.jte}). */
    public Bar bar(Map<String, Object> nav, String logo) {
        HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                ? servlet.getRequest() : null;
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        CurrentMember member = authentication != null && authentication.getPrincipal() instanceof CurrentMember m ? m : null;
        boolean signedIn = nav != null ? count(nav, "signedIn") == 1
                : authentication != null && authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken);
        String username = member != null ? member.username() : authentication != null ? authentication.getName() : "";
        boolean moderator = nav != null ? count(nav, "moderator") == 1 : member != null && member.isModerator();
        Object photo = nav == null ? null : nav.get("photo");
        return new Bar(signedIn && !username.isEmpty(), username, moderator,
                count(nav, "unreadMessages"), count(nav, "pendingRequests"), count(nav, "unreadNotifications"),
                photo == null ? null : "/media/" + photo + "-96.jpg",
                signedIn ? query(request) : "", logo,
                request == null ? "" : request.getContextPath());
    }

    /** The unread-messages badge alone ({@code fragments/badges :: unreadBadge}, the live update's answer). */
    public String unreadBadge(Map<String, Object> nav) {
        return templates.render("shared/unreadBadge.jte", "unread", count(nav, "unreadMessages"));
    }

    /** The unread-notifications badge alone ({@code fragments/badges :: notificationsBadge}). */
    public String notificationsBadge(Map<String, Object> nav) {
        return templates.render("shared/notificationsBadge.jte", "unread", count(nav, "unreadNotifications"));
    }

    /** The search box's text: the request's {@code q}, or nothing when Tomcat refuses a malformed query string ({@code %ZZ}). */
    private static String query(HttpServletRequest request) {
        try {
            String q = request == null ? null : request.getParameter("q");
            return q == null ? "" : q;
        } catch (IllegalStateException malformed) {
            return "";
        }
    }

    static long count(Map<String, Object> nav, String name) {
        return nav != null && nav.get(name) instanceof Number n ? n.longValue() : 0;
    }
}
