package com.moviepeople.config;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Gives every response a buffer that holds a whole page ({@value #SIZE} bytes instead of
 * Tomcat's 8 KiB), so that a page goes to the socket in one write instead of one per 8 KiB: the
 * feed is about 60 KiB, and its eight socket writes were 9 % of its CPU time under load
 * (docs/benchmarks.md). Streams (server-sent events, downloads) are unaffected: they flush
 * themselves, and a write larger than the buffer goes out directly.
 *
 * <p>128 KiB is the most Tomcat keeps from one request to the next: a larger buffer would be
 * allocated again for every request (its {@code OutputBuffer.recycle} shrinks anything over 16
 * times its default).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ResponseBufferFilter implements Filter {

    static final int SIZE = 128 * 1024;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!response.isCommitted() && response.getBufferSize() < SIZE) {
            response.setBufferSize(SIZE);
        }
        chain.doFilter(request, response);
    }
}
