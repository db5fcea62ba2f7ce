package com.moviepeople.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code GET /actuator/health/liveness} answered from Spring Boot's {@link ApplicationAvailability}
 * (the state Actuator's liveness group reports: {@code CORRECT} is 200 {@code {"status":"UP"}},
 * {@code BROKEN} is 503 {@code {"status":"DOWN"}}), by a handler the dispatcher finds before
 * Actuator's own mapping.
 *
 * <p>Why not Actuator's endpoint: its reflective operation invoker works out each parameter's
 * nullness again on every call ({@code OperationMethodParameter.isMandatory}, parsing generic
 * signatures), then Jackson writes the body and Spring MVC flushes it, so the response went out
 * chunked, in two socket writes. That was about 40 % of a probe's CPU under load
 * (docs/benchmarks.md, twentieth session). This answer goes through the same Tomcat valves,
 * servlet filters, security filter chain and dispatcher as every page, and out in one write with
 * its length. Readiness, which checks the databases, and {@code /actuator/health} stay Actuator's.
 *
 * <p>Content types as Actuator's: its v3 type unless the client asks for plain JSON only, and
 * 406 for a client that accepts neither.
 */
@Configuration(proxyBeanMethods = false)
class LivenessProbe {

    static final String PATH = "/actuator/health/liveness";
    static final String ACTUATOR_V3_JSON = "application/vnd.spring-boot.actuator.v3+json";
    private static final byte[] UP = "{\"status\":\"UP\"}".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DOWN = "{\"status\":\"DOWN\"}".getBytes(StandardCharsets.US_ASCII);

    @Bean
    SimpleUrlHandlerMapping livenessProbeMapping(ApplicationAvailability availability) {
        HttpRequestHandler probe = (request, response) -> answer(availability, request, response);
        // Ahead of Actuator's endpoint mapping (order -100), which would otherwise claim the path.
        return new SimpleUrlHandlerMapping(Map.of(PATH, probe), Ordered.HIGHEST_PRECEDENCE);
    }

    static void answer(ApplicationAvailability availability, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        String contentType = contentType(request.getHeader("Accept"));
        if (contentType == null) {
            response.sendError(HttpServletResponse.SC_NOT_ACCEPTABLE);
            return;
        }
        boolean up = availability.getLivenessState() == LivenessState.CORRECT;
        byte[] body = up ? UP : DOWN;
        response.setStatus(up ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Actuator's choice between its two JSON types; null when the client accepts neither. */
    static String contentType(String accept) {
        if (accept == null || accept.isBlank() || accept.contains("*/*") || accept.contains("application/*")
                || accept.contains(ACTUATOR_V3_JSON)) {
            return ACTUATOR_V3_JSON;
        }
        return accept.contains("application/json") ? "application/json" : null;
    }
}
