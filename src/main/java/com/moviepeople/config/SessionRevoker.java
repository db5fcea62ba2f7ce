package com.moviepeople.config;

import com.moviepeople.accounts.LoggedOutEverywhere;
import com.moviepeople.accounts.MemberSuspended;
import com.moviepeople.accounts.PasswordChanged;
import com.moviepeople.shared.CurrentMember;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends a member's sessions and deletes their remember-me tokens, once the change that asks for it
 * is committed: after a password change or reset and "log out everywhere" every session but the
 * one that asked ends; after a suspension every session ends.
 */
@Component
class SessionRevoker {

    private final SessionRegistry sessions;
    private final PersistentTokenRepository rememberMeTokens;

    SessionRevoker(SessionRegistry sessions, PersistentTokenRepository rememberMeTokens) {
        this.sessions = sessions;
        this.rememberMeTokens = rememberMeTokens;
    }

    @TransactionalEventListener
    void on(PasswordChanged event) {
        revoke(event.memberId(), event.username(), event.keepSessionId());
    }

    @TransactionalEventListener
    void on(LoggedOutEverywhere event) {
        revoke(event.memberId(), event.username(), event.keepSessionId());
    }

    @TransactionalEventListener
    void on(MemberSuspended event) {
        revoke(event.memberId(), event.username(), null);
    }

    private void revoke(long memberId, String username, String keepSessionId) {
        rememberMeTokens.removeUserTokens(username);
        for (Object principal : sessions.getAllPrincipals()) {
            if (principal instanceof CurrentMember member && member.id() == memberId) {
                for (SessionInformation session : sessions.getAllSessions(principal, false)) {
                    if (!session.getSessionId().equals(keepSessionId)) {
                        session.expireNow();
                    }
                }
            }
        }
    }
}
