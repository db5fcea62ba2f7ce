package com.moviepeople.config;

import com.moviepeople.shared.AnonymousForm;
import com.moviepeople.shared.CurrentMember;
import com.moviepeople.shared.NavigationBadge;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the navigation's counts ({@code nav.unreadMessages}, {@code nav.pendingRequests}) on every page,
 * and whether a member is signed in ({@code nav.signedIn}, {@code nav.moderator}: 1 or 0).
 * Limited to our controllers and Boot's error pages: the health probes (Actuator's handlers) would
 * otherwise pay for two model-attribute methods, resolved by reflection on every request.
 */
@ControllerAdvice(basePackages = {"com.moviepeople", "org.springframework.boot.webmvc.autoconfigure.error"})
class NavigationAdvice {

    private final List<NavigationBadge> badges;
    private final JdbcClient jdbc;
    private final String countsQuery;

    NavigationAdvice(List<NavigationBadge> badges, JdbcClient jdbc) {
        this.badges = List.copyOf(badges);
        this.jdbc = jdbc;
        this.countsQuery = "select " + String.join(", ", this.badges.stream().map(b -> "(" + b.countQuery() + ")").toList());
    }

    /**
     * The navigation's counts, and the CSRF token created before the page renders. One model-attribute
     * method, not two: Spring MVC builds and invokes each such method by reflection on every request
     * (with the argument resolution that goes with it), about 2 % of a profile view's CPU apiece.
     *
     * <p>The CSRF token (kept in the session) is created here because a large page is already partly
     * sent when the layout's logout form asks for it, and a session can no longer be created once the
     * response is committed. Only for members' pages and the few anonymous pages with a form
     * ({@link AnonymousForm}): any other anonymous request (landing page, public profile, probes,
     * static files) creates no session and writes nothing.
     */
    @ModelAttribute("nav")
    Map<String, Object> navigation(@AuthenticationPrincipal CurrentMember me, CsrfToken csrfToken, HttpServletRequest request) {
        boolean rendersView = rendersView(request);
        if (csrfToken != null && (me != null ? rendersView : showsAnonymousForm(request))) {
            csrfToken.getToken();
        }
        Map<String, Object> counts = new HashMap<>();
        counts.put("unreadMessages", 0L);
        counts.put("pendingRequests", 0L);
        counts.put("unreadNotifications", 0L);
        counts.put("unverifiedEmail", 0L);
        // Who is looking, for the layout: a map lookup costs far less than a sec:authorize expression
        // (Spring Security's SpEL handler, evaluated several times on every page).
        counts.put("signedIn", me != null ? 1L : 0L);
        counts.put("moderator", me != null && me.isModerator() ? 1L : 0L);
        if (me != null && rendersView && !badges.isEmpty()) {
            // Every module's count in one statement: one round trip per page.
            jdbc.sql(countsQuery).param("member", me.id()).query((rs, n) -> {
                for (int i = 0; i < badges.size(); i++) {
                    // Counts are numbers; a badge may also be a short text (the member's photo id).
                    Object value = rs.getObject(i + 1);
                    counts.put(badges.get(i).name(), value instanceof Number number ? number.longValue() : value);
                    badges.get(i).read(me.id(), value);
                }
                return null;
            }).list();
        }
        return counts;
    }

    private static boolean showsAnonymousForm(HttpServletRequest request) {
        return request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler
                && handler.hasMethodAnnotation(AnonymousForm.class);
    }

    /**
     * Whether the handler answers with a template (a view name or ModelAndView), which may show the
     * navigation; not a response body such as the live-update stream, which would only pay for the counts.
     */
    private static boolean rendersView(HttpServletRequest request) {
        if (!(request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler)) {
            return true;
        }
        Class<?> type = handler.getReturnType().getParameterType();
        return !(ResponseEntity.class.isAssignableFrom(type) || ResponseBodyEmitter.class.isAssignableFrom(type)
                || handler.hasMethodAnnotation(ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class));
    }
}
