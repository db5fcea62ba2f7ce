package com.moviepeople.messaging;

import com.moviepeople.shared.MemberCard;

import java.time.Instant;

/**
 * One conversation in the inbox.
 *
 * @param other        null when the other member deleted their account
 * @param lastBody     the start of the last message (the template shortens it further)
 * @param unread       messages from the other member not read yet
 */
record InboxRow(long conversationId, long otherId, MemberCard other, long lastMessageId, String lastBody,
                boolean lastFromMe, Instant lastSentAt, long unread) {

    public boolean isOtherDeleted() {
        return other == null;
    }

    /** The other member's small photo, or null (the initials then). */
    public String photo() {
        return other == null ? null : other.getPhoto();
    }

    public String displayName() {
        return other == null ? MemberNames.DELETED_MEMBER : other.displayName();
    }

    public String initials() {
        return other == null ? "?" : MemberNames.initials(other.displayName());
    }
}
