package com.moviepeople.messaging;

import com.moviepeople.accounts.LoggedOutEverywhere;
import com.moviepeople.accounts.MemberDeleted;
import com.moviepeople.accounts.MemberSuspended;
import com.moviepeople.accounts.PasswordChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells every app instance about a {@link LiveChange} through PostgreSQL's {@code NOTIFY}, on the
 * connection of the current transaction: PostgreSQL delivers it only if and when that transaction
 * commits, so a rolled-back message is never announced and a listener that hears of a message can
 * always read it.
 */
@Component
class LiveNotifier {

    /** The one channel every instance's {@link LiveListener} listens on. */
    static final String CHANNEL = "moviepeople_live";

    private static final RowCallbackHandler IGNORE = rs -> { };

    private final JdbcClient jdbc;

    LiveNotifier(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void messageSent(long senderId, long recipientId) {
        publish(LiveChange.messageSent(senderId, recipientId));
    }

    void messagesRead(long readerId, long otherId) {
        publish(LiveChange.messagesRead(readerId, otherId));
    }

    void notice(long memberId) {
        publish(LiveChange.notice(memberId));
    }

    /*
     * A member's sessions end (password change or reset, "log out everywhere", suspension, account
     * deletion): their streams on every instance end with them, in the same transaction.
     */

    @EventListener
    void on(PasswordChanged event) {
        publish(LiveChange.sessionsEnded(event.memberId()));
    }

    @EventListener
    void on(LoggedOutEverywhere event) {
        publish(LiveChange.sessionsEnded(event.memberId()));
    }

    @EventListener
    void on(MemberSuspended event) {
        publish(LiveChange.sessionsEnded(event.memberId()));
    }

    /** A deleted account's open pages stop listening too (it no longer publishes a PasswordChanged). */
    @EventListener
    void on(MemberDeleted event) {
        publish(LiveChange.sessionsEnded(event.memberId()));
    }

    private void publish(LiveChange change) {
        // pg_notify takes bind parameters (NOTIFY does not); the payload is a few dozen bytes of the 8,000 allowed.
        jdbc.sql("select pg_notify(:channel, :payload)")
                .param("channel", CHANNEL).param("payload", change.payload())
                .query(IGNORE);
    }
}
