package com.moviepeople.config;

import com.moviepeople.shared.TextFormat;
import com.moviepeople.shared.RateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Locale;

/**
 * Login throttling. Failed logins are counted per submitted username/e-mail (whether or not such
 * a member exists, so the lock reveals nothing) and per client address; over the limit, login
 * is paused and {@code /login?locked} explains it. A successful login clears the account's count.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    static final String PER_ACCOUNT = "login-failures-per-account";
    static final String PER_ADDRESS = "login-failures-per-address";

    private final RateLimiter limiter;

    LoginThrottleFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !("POST".equals(request.getMethod()) && "/login".equals(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String account = normalized(request.getParameter("username"));
        String address = request.getRemoteAddr();
        if (limiter.isExhausted(PER_ACCOUNT, account) || limiter.isExhausted(PER_ADDRESS, address)) {
            response.sendRedirect(request.getContextPath() + "/login?locked");
            return;
        }
        chain.doFilter(request, response);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean succeeded = authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
        if (succeeded) {
            limiter.reset(PER_ACCOUNT, account);
        } else if (response.getStatus() < 400) {
            limiter.tryConsume(PER_ACCOUNT, account);
            limiter.tryConsume(PER_ADDRESS, address);
        }
    }

    private static String normalized(String login) {
        String value = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        return TextFormat.prefix(value, 254);
    }
}
