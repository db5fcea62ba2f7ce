package com.moviepeople.messaging;

import java.util.List;

/**
 * A page of one conversation, oldest message first.
 *
 * @param otherUsername  null when the other member deleted their account
 * @param earlierCursor  the {@code before} value for the previous page; null on the first message
 * @param canSend        connected now; otherwise the history is read-only
 * @param markedRead     how many of the other's messages this visit marked read
 */
record ConversationView(long otherId, String otherUsername, String otherName, List<MessageView> messages,
                        Long earlierCursor, boolean canSend, int markedRead) {

    public boolean isOtherDeleted() {
        return otherUsername == null;
    }

    public String displayName() {
        return otherName == null ? MemberNames.DELETED_MEMBER : otherName;
    }

    public String initials() {
        return otherName == null ? "?" : MemberNames.initials(otherName);
    }

    /** The newest message's id, where polling for new messages starts; 0 when there is none. */
    public long lastMessageId() {
        return messages.isEmpty() ? 0 : messages.get(messages.size() - 1).id();
    }
}
