package com.moviepeople.notifications;

/** What happened; the database stores the name (V33). */
enum NotificationKind {
    CONNECTION_REQUEST, CONNECTION_ACCEPTED, COMMENT, THREAD_COMMENT, APPLAUSE_POST, APPLAUSE_COMMENT, CREDIT_CONFIRMED
}
