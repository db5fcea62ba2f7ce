package com.moviepeople.notifications;

import com.moviepeople.shared.MemberCard;

import java.time.Instant;

/**
 * One notification as its recipient sees it. {@code others}: how many more members took part;
 * {@code note}: what the member wrote with a connection request still waiting for an answer, else null.
 */
record NotificationView(long id, NotificationKind kind, MemberCard actor, long others, String detail, String note, String link,
                        Instant at, boolean read) {

    private String call() {
        return detail == null ? " a call" : " the call “" + detail + "”";
    }

    /** What happened, after the actor's name: "and 4 others applauded your post". */
    public String getText() {
        String who = others == 0 ? "" : others == 1 ? " and 1 other" : " and " + others + " others";
        return who + switch (kind) {
            case CONNECTION_REQUEST -> " asked to connect with you";
            case CONNECTION_ACCEPTED -> " accepted your request to connect";
            case COMMENT -> " commented on your post";
            case THREAD_COMMENT -> " also commented on a post you commented on";
            case APPLAUSE_POST -> " applauded your post";
            case APPLAUSE_COMMENT -> " applauded your comment";
            case CREDIT_CONFIRMED -> " confirmed your credit" + (detail == null ? "" : ": " + detail);
            case CALL_APPLICATION -> " applied to your call" + (detail == null ? "" : " “" + detail + "”");
            case CALL_SHORTLISTED -> " shortlisted you for" + call();
            case CALL_DECLINED -> " declined your application to" + call();
            case CALL_FILLED -> " filled" + call() + " — thank you for applying";
            case CALL_CANCELLED -> " cancelled" + call();
        };
    }
}
