package com.moviepeople.messaging;

import org.springframework.stereotype.Component;

/**
 * The live-updates stream's API for other modules: tell a member's open pages, on every app
 * instance, that something of theirs changed. Sent with the current transaction's commit
 * (PostgreSQL {@code NOTIFY}); the pages then fetch what changed themselves.
 */
@Component
public class LiveUpdates {

    private final LiveNotifier notifier;

    LiveUpdates(LiveNotifier notifier) {
        this.notifier = notifier;
    }

    /** The member's notifications changed: their pages refresh the bell ({@code notice} event). */
    public void noticeFor(long memberId) {
        notifier.notice(memberId);
    }
}
