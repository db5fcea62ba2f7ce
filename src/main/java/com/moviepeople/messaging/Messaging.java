package com.moviepeople.messaging;

import com.moviepeople.shared.NotFoundException;
import com.moviepeople.shared.RateLimitExceededException;
import com.moviepeople.shared.ReportableContent;

import java.util.Optional;

/**
 * The messaging module's API for other modules (the demo data, later notifications). Every
 * method checks who may do what; the web pages go through the same rules.
 */
public interface Messaging {

    /** The most characters (Unicode code points, after trimming) a message may have. */
    int MAX_LENGTH = 5000;

    /**
     * {@code senderId} sends {@code content} to {@code recipientId}: trimmed, line breaks kept.
     *
     * @return the new message's id
     * @throws NotFoundException           the two are not connected and have no conversation (nothing stored)
     * @throws SendingNotAllowedException  they have a conversation but are no longer connected
     * @throws InvalidMessageException     blank or longer than {@link #MAX_LENGTH}
     * @throws RateLimitExceededException  the sender's daily limit is reached (lower until the e-mail is verified)
     */
    long send(long senderId, long recipientId, String content);

    /** Messages to {@code memberId} not read yet, from everyone (the navigation badge). */
    long unreadCount(long memberId);

    /**
     * {@code memberId}'s unread messages sent after {@code since}, per sender, most recent first
     * (the notification mails list them).
     */
    java.util.List<UnreadMessages> unreadSince(long memberId, java.time.Instant since);

    /** The members with any unread message sent after {@code since} (who may get a digest). */
    java.util.Set<Long> recipientsOfUnreadSince(java.time.Instant since);

    /** Marks every message from {@code otherId} to {@code readerId} read; returns how many were unread. */
    int markRead(long readerId, long otherId);

    /**
     * A message {@code viewerId} received, for a report (members report what others sent them,
     * in their own conversations); empty for any other id.
     */
    Optional<ReportableContent> reportableMessage(long viewerId, long messageId);

    /** True while nobody has sent any message (the demo data loads only then). */
    boolean isEmpty();
}
