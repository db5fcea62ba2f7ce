package com.moviepeople.notifications;

import com.moviepeople.blocking.MemberBlocked;
import com.moviepeople.calls.ApplicationAnswered;
import com.moviepeople.calls.CallApplied;
import com.moviepeople.calls.CallClosed;
import com.moviepeople.connections.ConnectionAccepted;
import com.moviepeople.connections.ConnectionRequested;
import com.moviepeople.connections.Connections;
import com.moviepeople.credits.CreditConfirmed;
import com.moviepeople.credits.CreditUnconfirmed;
import com.moviepeople.feed.Applauded;
import com.moviepeople.feed.ApplauseWithdrawn;
import com.moviepeople.feed.CommentAdded;
import com.moviepeople.messaging.MessageSent;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns the other modules' events into notifications, after their transactions commit, each in
 * a transaction of its own (an event whose handling fails stays in the publication registry and
 * is tried again). Grouping makes them idempotent: the same event twice counts its actor once.
 */
@Component
class NotificationListeners {

    private final NotificationService notifications;
    private final NotificationMails mails;
    private final Connections connections;

    NotificationListeners(NotificationService notifications, NotificationMails mails, Connections connections) {
        this.notifications = notifications;
        this.mails = mails;
        this.connections = connections;
    }

    /** Writes the notification and, in the same transaction, the immediate mail about it if one is due. */
    private void notify(long recipientId, long actorId, NotificationKind kind, NotificationService.Target target, String detail) {
        notifications.notify(recipientId, actorId, kind, target, detail)
                .ifPresent(id -> mails.notified(recipientId, id, target.threadKey()));
    }

    @ApplicationModuleListener
    void on(ConnectionRequested event) {
        notify(event.receiverId(), event.requesterId(), NotificationKind.CONNECTION_REQUEST,
                NotificationService.Target.connection(event.connectionId()), null);
    }

    @ApplicationModuleListener
    void on(ConnectionAccepted event) {
        notify(event.requesterId(), event.receiverId(), NotificationKind.CONNECTION_ACCEPTED,
                NotificationService.Target.connection(event.connectionId()), null);
    }

    @ApplicationModuleListener
    void on(CommentAdded event) {
        NotificationService.Target target = NotificationService.Target.post(event.postId(), event.commentId());
        notify(event.postAuthorId(), event.commenterId(), NotificationKind.COMMENT, target, null);
        for (long earlier : event.earlierCommenterIds()) {
            // Only those who may still see the post: its author's connections.
            if (connections.areConnected(earlier, event.postAuthorId())) {
                notify(earlier, event.commenterId(), NotificationKind.THREAD_COMMENT, target, null);
            }
        }
    }

    @ApplicationModuleListener
    void on(Applauded event) {
        notify(event.authorId(), event.memberId(),
                event.commentId() == null ? NotificationKind.APPLAUSE_POST : NotificationKind.APPLAUSE_COMMENT,
                NotificationService.Target.post(event.postId(), event.commentId()), null);
    }

    @ApplicationModuleListener
    void on(ApplauseWithdrawn event) {
        notifications.withdrawApplause(event.authorId(), event.memberId(), event.postId(), event.commentId());
    }

    @ApplicationModuleListener
    void on(CreditConfirmed event) {
        notify(event.ownerId(), event.confirmerId(), NotificationKind.CREDIT_CONFIRMED,
                NotificationService.Target.credit(event.creditId()),
                event.role() + " · " + event.productionTitle() + " (" + event.year() + ")");
    }

    @ApplicationModuleListener
    void on(CreditUnconfirmed event) {
        notifications.withdrawCredit(event.ownerId(), event.confirmerId(), event.creditId());
    }

    @ApplicationModuleListener
    void on(CallApplied event) {
        notify(event.posterId(), event.applicantId(), NotificationKind.CALL_APPLICATION,
                NotificationService.Target.call(event.callId()), event.title());
    }

    @ApplicationModuleListener
    void on(ApplicationAnswered event) {
        notify(event.applicantId(), event.posterId(), event.shortlisted() ? NotificationKind.CALL_SHORTLISTED : NotificationKind.CALL_DECLINED,
                NotificationService.Target.call(event.callId()), event.title());
    }

    @ApplicationModuleListener
    void on(CallClosed event) {
        for (long applicant : event.applicantIds()) {
            notify(applicant, event.posterId(), event.filled() ? NotificationKind.CALL_FILLED : NotificationKind.CALL_CANCELLED,
                    NotificationService.Target.call(event.callId()), event.title());
        }
    }

    @ApplicationModuleListener
    void on(MessageSent event) {
        mails.messageReceived(event.recipientId(), event.senderId());
    }

    @ApplicationModuleListener
    void on(MemberBlocked event) {
        notifications.forgetBetween(event.blockerId(), event.blockedId());
    }
}
