package com.moviepeople.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id (the proxy's {@code X-Request-Id} when it is well-formed, else a new
 * one), puts it in the logging context ({@code requestId}, a field of every JSON log line) and
 * returns it in the response header, so a member's error report can be found in the logs.
 *
 * <p>When a request fails, the id must stay in the logging context after this filter has
 * returned: the servlet container logs the unhandled exception (the stack trace an operator
 * looks for) and renders the error page only once the filter chain has unwound. So on failure the
 * id is removed when the container is done with the request ({@link #requestDestroyed}), not here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter implements ServletRequestListener {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String incoming = request.getHeader(HEADER);
        String id = incoming != null && WELL_FORMED.matcher(incoming).matches() ? incoming : randomId();
        MDC.put(MDC_KEY, id);
        response.setHeader(HEADER, id);
        chain.doFilter(request, response);
        // Not in a finally block: after an exception the container still logs with the id (see above).
        MDC.remove(MDC_KEY);
    }

    /**
     * A random id in the UUID format. It only tells requests apart in the logs, so it comes from
     * the thread's fast generator rather than {@code UUID.randomUUID()}'s SecureRandom (a SHA
     * digest per request: measurable on the cheapest endpoints).
     */
    static String randomId() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /** Called by the container once it is completely done with a request, error page included. */
    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        MDC.remove(MDC_KEY);
    }
}
