package com.moviepeople.config;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Answers the liveness probe ({@code GET /actuator/health/liveness}) first of all filters, with what
 * Actuator's liveness group answers: {@code {"status":"UP"}} (200) while Boot's {@link LivenessState}
 * is {@code CORRECT}, {@code {"status":"DOWN"}} (503) once it is {@code BROKEN}, in Actuator's media
 * type and with the security headers of every answer. An orchestrator calls it every few seconds per
 * instance and a load balancer more often; through the security and session filters, the dispatcher
 * and Actuator's reflective invoker it cost several times its answer (docs/benchmarks.md, "The trivial
 * endpoint"). Readiness, which asks the database, stays with Actuator.
 */
@Configuration(proxyBeanMethods = false)
class LivenessProbe {

    static final String PATH = "/actuator/health/liveness";
    static final String MEDIA_TYPE = "application/vnd.spring-boot.actuator.v3+json";
    private static final byte[] UP = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DOWN = "{\"status\":\"DOWN\"}".getBytes(StandardCharsets.UTF_8);

    @Bean
    FilterRegistrationBean<Filter> livenessProbeFilter(ApplicationAvailability availability) {
        Filter filter = new ProbeFilter(availability);
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns(PATH);
        return registration;
    }

    static final class ProbeFilter implements Filter {

        private final ApplicationAvailability availability;

        ProbeFilter(ApplicationAvailability availability) {
            this.availability = availability;
        }

        @Override
        public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
            HttpServletRequest request = (HttpServletRequest) req;
            String method = request.getMethod();
            boolean head = "HEAD".equals(method);
            if (!head && !"GET".equals(method) || !PATH.equals(request.getRequestURI())) {
                // Anything else (another method, an encoded or dotted address) takes the usual way.
                chain.doFilter(req, res);
                return;
            }
            HttpServletResponse response = (HttpServletResponse) res;
            boolean live = availability.getLivenessState() == LivenessState.CORRECT;
            byte[] body = live ? UP : DOWN;
            response.setStatus(live ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setContentType(MEDIA_TYPE);
            response.setContentLength(body.length);
            response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
            response.setHeader("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY);
            if (!head) {
                response.getOutputStream().write(body);
            }
        }
    }
}
