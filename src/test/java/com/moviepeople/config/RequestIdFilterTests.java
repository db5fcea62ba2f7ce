package com.moviepeople.config;

import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequestEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How long a request's id stays in the logging context (the full-HTTP behaviour is in ProductionProfileIntegrationTests). */
class RequestIdFilterTests {

    private final RequestIdFilter filter = new RequestIdFilter();

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void theIdIsInTheLoggingContextWhileTheRequestIsHandledAndGoneAfterwards() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/"), response, (req, res) -> seen.set(MDC.get("requestId")));
        assertThat(seen.get()).isNotNull().isEqualTo(response.getHeader("X-Request-Id"));
        assertThat(MDC.get("requestId")).isNull();
    }

    @Test
    void afterAFailureTheIdStaysUntilTheContainerIsDoneSoItsErrorLineCarriesIt() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThatThrownBy(() -> filter.doFilter(request, response, (req, res) -> {
            throw new ServletException("a bug");
        })).isInstanceOf(ServletException.class);
        // Tomcat logs the exception and renders the error page now, after the filter chain.
        assertThat(MDC.get("requestId")).isEqualTo(response.getHeader("X-Request-Id"));

        filter.requestDestroyed(new ServletRequestEvent(new MockServletContext(), request));
        assertThat(MDC.get("requestId")).isNull();
    }
}
