package com.moviepeople.config;

import com.moviepeople.accounts.PasswordChanged;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.authentication.rememberme.PersistentTokenRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** After a password change or reset: every other session of the member ends, and all remember-me tokens go. */
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
        rememberMeTokens.removeUserTokens(event.username());
        for (Object principal : sessions.getAllPrincipals()) {
            if (principal instanceof com.moviepeople.shared.CurrentMember member && member.id() == event.memberId()) {
                for (SessionInformation session : sessions.getAllSessions(principal, false)) {
                    if (!session.getSessionId().equals(event.keepSessionId())) {
                        session.expireNow();
                    }
                }
            }
        }
    }
}
