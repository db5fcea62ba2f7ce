package com.moviepeople.config;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The session store as Spring Session's filter sees it: the JDBC repository, except that reading a
 * page no longer writes the session back. Spring Session sets the last-access time on every
 * request, which makes the JDBC repository open a transaction and update the session row each
 * time; here the time is moved on only when it is at least {@code touchInterval} old, and a session
 * whose attributes, id and timeout are unchanged is not saved at all. A member's session row is
 * then written at most once per interval while they browse (an idle session still ends after the
 * configured timeout, give or take one interval), and a page view costs one read of the session:
 * Spring Session's filter looks the requested session up a second time when it commits it, which
 * is answered here from the first read while a request is in progress ({@link #readOncePerRequest}).
 */
final class TouchThrottlingSessionRepository
        implements FindByIndexNameSessionRepository<TouchThrottlingSessionRepository.ThrottledSession> {

    private final FindByIndexNameSessionRepository<Session> delegate;
    private final Duration touchInterval;

    /** The session read during the current request (set only between the filter's start and end). */
    private final ThreadLocal<ThrottledSession[]> readInRequest = new ThreadLocal<>();

    @SuppressWarnings("unchecked")
    TouchThrottlingSessionRepository(FindByIndexNameSessionRepository<? extends Session> delegate, Duration touchInterval) {
        this.delegate = (FindByIndexNameSessionRepository<Session>) delegate;
        this.touchInterval = touchInterval;
    }

    @Override
    public ThrottledSession createSession() {
        return new ThrottledSession(delegate.createSession(), true);
    }

    @Override
    public void save(ThrottledSession session) {
        if (session.dirty) {
            delegate.save(session.session);
            session.dirty = false;
        }
    }

    @Override
    public ThrottledSession findById(String id) {
        ThrottledSession[] memo = readInRequest.get();
        if (memo != null && memo[0] != null && memo[0].getId().equals(id)) {
            return memo[0];
        }
        Session session = SessionStoreConfiguration.AsynchronousCommits.reading(() -> delegate.findById(id));
        ThrottledSession found = session == null ? null : new ThrottledSession(session, false);
        if (memo != null) {
            memo[0] = found;
        }
        return found;
    }

    @Override
    public void deleteById(String id) {
        ThrottledSession[] memo = readInRequest.get();
        if (memo != null) {
            memo[0] = null;
        }
        delegate.deleteById(id);
    }

    /** Runs one request; the session it reads is read from the database once. */
    void readOncePerRequest(jakarta.servlet.FilterChain chain, jakarta.servlet.ServletRequest request,
                            jakarta.servlet.ServletResponse response) throws java.io.IOException, jakarta.servlet.ServletException {
        readInRequest.set(new ThrottledSession[1]);
        try {
            chain.doFilter(request, response);
        } finally {
            readInRequest.remove();
        }
    }

    @Override
    public Map<String, ThrottledSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, ThrottledSession> found = new LinkedHashMap<>();
        SessionStoreConfiguration.AsynchronousCommits.reading(() -> delegate.findByIndexNameAndIndexValue(indexName, indexValue))
                .forEach((id, session) -> found.put(id, new ThrottledSession(session, false)));
        return found;
    }

    /** A stored session that remembers whether anything worth writing changed. */
    final class ThrottledSession implements Session {

        private final Session session;
        private boolean dirty;

        ThrottledSession(Session session, boolean dirty) {
            this.session = session;
            this.dirty = dirty;
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public String changeSessionId() {
            dirty = true;
            return session.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return session.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return session.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            dirty = true;
            session.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            if (session.getAttributeNames().contains(attributeName)) {
                dirty = true;
                session.removeAttribute(attributeName);
            }
        }

        @Override
        public Instant getCreationTime() {
            return session.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (dirty || !lastAccessedTime.isBefore(session.getLastAccessedTime().plus(touchInterval))) {
                dirty = true;
                session.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public Instant getLastAccessedTime() {
            return session.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            if (!interval.equals(session.getMaxInactiveInterval())) {
                dirty = true;
                session.setMaxInactiveInterval(interval);
            }
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return session.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return session.isExpired();
        }
    }
}
