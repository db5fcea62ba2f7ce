package com.moviepeople.notifications;

import com.moviepeople.shared.CurrentMember;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Opening the thing marks its notifications read", however the member gets there: a post's page
 * (from the feed, a mail, a bookmark) marks what they heard about that post, the page of pending
 * requests the requests, a call's applicants the applications to it, "my calls" the answers. Only when the navigation's count, already read for the page, says
 * something is unread, and then a read first: only unread notifications about the thing opened
 * are written (a page view with nothing to mark writes nothing). The page then shows the
 * lowered count, and the member's other tabs hear of it through the live stream.
 */
@Component
class ReadWhenOpened implements HandlerInterceptor, WebMvcConfigurer {

    private static final Pattern POST = Pattern.compile("/posts/([0-9]{1,18})");
    private static final Pattern APPLICANTS = Pattern.compile("/calls/([0-9]{1,18})/applicants");

    private final NotificationService notifications;

    ReadWhenOpened(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/posts/*", "/connections/pending", "/calls/*/applicants", "/calls/mine");
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (!"GET".equals(request.getMethod()) || view == null || response.getStatus() != HttpServletResponse.SC_OK
                || !(view.getModel().get("nav") instanceof Map<?, ?> nav)
                || !(nav.get("unreadNotifications") instanceof Long unread) || unread == 0) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof CurrentMember me)) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher post = POST.matcher(path);
        Matcher applicants = APPLICANTS.matcher(path);
        NotificationService.Opened opened = post.matches() ? NotificationService.Opened.post(Long.parseLong(post.group(1)))
                : applicants.matches() ? NotificationService.Opened.call(Long.parseLong(applicants.group(1)))
                : path.equals("/calls/mine") ? NotificationService.Opened.kinds(NotificationKind.CALL_SHORTLISTED,
                        NotificationKind.CALL_DECLINED, NotificationKind.CALL_FILLED, NotificationKind.CALL_CANCELLED)
                : NotificationService.Opened.kinds(NotificationKind.CONNECTION_REQUEST);
        int marked = notifications.markOpened(me.id(), opened);
        if (marked > 0) {
            @SuppressWarnings("unchecked") Map<String, Object> counts = (Map<String, Object>) nav;
            counts.put("unreadNotifications", Math.max(0, unread - marked));
        }
    }
}
