package com.moviepeople.config;

import com.moviepeople.accounts.PasswordChanged;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * After a password change or reset (or an account deletion): every other session of the member
 * ends, on every app instance (sessions live in PostgreSQL), and all remember-me tokens go.
 */
@Component
class SessionRevoker {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final PersistentTokenRepository rememberMeTokens;

    SessionRevoker(FindByIndexNameSessionRepository<? extends Session> sessions, PersistentTokenRepository rememberMeTokens) {
        this.sessions = sessions;
        this.rememberMeTokens = rememberMeTokens;
    }

    @TransactionalEventListener
    void on(PasswordChanged event) {
        rememberMeTokens.removeUserTokens(event.username());
        sessions.findByPrincipalName(event.username()).keySet().stream()
                .filter(id -> !id.equals(event.keepSessionId()))
                .forEach(sessions::deleteById);
    }
}
