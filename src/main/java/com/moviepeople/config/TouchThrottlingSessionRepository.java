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
 * configured timeout, give or take one interval), and a page view costs one read of the session.
 */
final class TouchThrottlingSessionRepository
        implements FindByIndexNameSessionRepository<TouchThrottlingSessionRepository.ThrottledSession> {

    private final FindByIndexNameSessionRepository<Session> delegate;
    private final Duration touchInterval;

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
        Session session = SessionStoreConfiguration.AsynchronousCommits.reading(() -> delegate.findById(id));
        return session == null ? null : new ThrottledSession(session, false);
    }

    @Override
    public void deleteById(String id) {
        delegate.deleteById(id);
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
