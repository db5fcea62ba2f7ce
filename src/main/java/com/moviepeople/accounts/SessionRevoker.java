package com.moviepeople.accounts;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends a member's sessions and deletes their remember-me tokens, once the change that asks for it
 * is committed: after a password change or reset and "log out everywhere" every session but the
 * one that asked ends; after a suspension or an account deletion every session ends. Sessions live
 * in PostgreSQL (Spring Session JDBC), so this holds on every app instance.
 * <p>
 * A run without a web server (the generator) has no session store; there only remember-me tokens
 * are removed.
 */
@Component
class SessionRevoker {

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;
    private final PersistentTokenRepository rememberMeTokens;

    SessionRevoker(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions,
                   PersistentTokenRepository rememberMeTokens) {
        this.sessions = sessions;
        this.rememberMeTokens = rememberMeTokens;
    }

    @TransactionalEventListener
    void on(PasswordChanged event) {
        revoke(event.username(), event.keepSessionId());
    }

    @TransactionalEventListener
    void on(LoggedOutEverywhere event) {
        revoke(event.username(), event.keepSessionId());
    }

    @TransactionalEventListener
    void on(MemberSuspended event) {
        revoke(event.username(), null);
    }

    @TransactionalEventListener
    void on(MemberDeleted event) {
        revoke(event.username(), null);
    }

    private void revoke(String username, String keepSessionId) {
        rememberMeTokens.removeUserTokens(username);
        FindByIndexNameSessionRepository<? extends Session> store = sessions.getIfAvailable();
        if (store != null) {
            store.findByPrincipalName(username).keySet().stream()
                    .filter(id -> !id.equals(keepSessionId))
                    .forEach(store::deleteById);
        }
    }
}
