package com.moviepeople.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * An upload larger than {@code spring.servlet.multipart.max-request-size} gets the 413 page at once,
 * before anything reads its body. (Left to the multipart parser, the CSRF check, which reads the
 * form's token, would meet the broken body first and answer 403.) Tomcat still reads and discards
 * the body ({@code server.tomcat.max-swallow-size}), so the browser receives the page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class UploadSizeFilter extends OncePerRequestFilter {

    private final long maxBytes;

    UploadSizeFilter(@Value("${spring.servlet.multipart.max-request-size:11MB}") DataSize max) {
        this.maxBytes = max.toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
