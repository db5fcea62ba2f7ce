package com.moviepeople.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

/**
 * Marks the requests whose reads may go to the read replica: GET and HEAD of the read pages
 * ({@code moviepeople.datasource.replica.pages}), by a visitor whose last write the replica has
 * replayed. Runs after Spring Security (its session and remember-me work stays on the primary).
 *
 * <p>If the replica fails under a request (stopped, or a page that writes without a transaction
 * reached it), the request is served again from the primary before anything was sent, so the
 * visitor never sees it: the pages it applies to only read.
 */
final class ReadReplicaFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ReadReplicaFilter.class);

    private final ReadReplica replica;
    private final List<PathPattern> pages;

    ReadReplicaFilter(ReadReplica replica, List<String> pages) {
        this.replica = replica;
        this.pages = pages.stream().map(String::trim).filter(page -> !page.isEmpty()).map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ReadReplica.RequestState state = ReadReplica.enter(request, eligible(request));
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!state.usedReplica || response.isCommitted() || !replicaFailure(e)) {
                throw e;
            }
            log.warn("A read on the replica failed ({}); {} {} is served again from the primary", rootMessage(e),
                    request.getMethod(), request.getRequestURI());
            response.resetBuffer();
            state.eligible = false;
            state.usedReplica = false;
            // The filters after this one have run; calling the chain again goes straight to the servlet.
            chain.doFilter(request, response);
        } finally {
            ReadReplica.leave();
        }
    }

    private boolean eligible(HttpServletRequest request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method) || replica.state() != ReadReplica.State.UP) {
            return false;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        boolean page = false;
        for (PathPattern pattern : pages) {
            if (pattern.matches(path)) {
                page = true;
                break;
            }
        }
        if (!page) {
            return false;
        }
        HttpSession session = request.getSession(false);
        return session == null || replica.caughtUpWith(session);
    }

    /**
     * The replica went away (connection class 08, an administrator's or crash shutdown 57P0x, no
     * connection within the timeout), or it refused a write (25006, read-only transaction).
     */
    static boolean replicaFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String code = sql.getSQLState();
                if (code.startsWith("08") || code.startsWith("57P") || code.equals("25006")) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
