package com.moviepeople.messaging;

import java.util.List;
import java.util.Optional;

/**
 * Something a member's open pages should know about at once, as it travels between app instances
 * in a PostgreSQL notification: only ids, never message text (the pages fetch what they may see).
 *
 * <p>Payload formats, kept stable so that old and new instances understand each other during a
 * rolling deploy (anything else is ignored): {@code message:<senderId>:<recipientId>},
 * {@code read:<readerId>:<otherId>}, {@code ended:<memberId>:0} (the member's sessions were
 * ended: their streams end too, and only pages still logged in reconnect) and
 * {@code notice:<memberId>:0} (the member has a new notification: the bell's count changed).
 */
record LiveChange(Kind kind, long actorId, long otherId) {

    enum Kind { MESSAGE, READ, ENDED, NOTICE }

    /** One server-sent event for the open pages of {@code memberId}. */
    record Delivery(long memberId, String event, String data) {
    }

    static LiveChange messageSent(long senderId, long recipientId) {
        return new LiveChange(Kind.MESSAGE, senderId, recipientId);
    }

    static LiveChange messagesRead(long readerId, long otherId) {
        return new LiveChange(Kind.READ, readerId, otherId);
    }

    static LiveChange sessionsEnded(long memberId) {
        return new LiveChange(Kind.ENDED, memberId, 0);
    }

    static LiveChange notice(long memberId) {
        return new LiveChange(Kind.NOTICE, memberId, 0);
    }

    String payload() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + actorId + ":" + otherId;
    }

    /** The change a notification's payload describes; empty for anything this version does not know. */
    static Optional<LiveChange> parse(String payload) {
        if (payload == null) {
            return Optional.empty();
        }
        String[] parts = payload.split(":", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        Kind kind = switch (parts[0]) {
            case "message" -> Kind.MESSAGE;
            case "read" -> Kind.READ;
            case "ended" -> Kind.ENDED;
            case "notice" -> Kind.NOTICE;
            default -> null;
        };
        try {
            return kind == null ? Optional.empty()
                    : Optional.of(new LiveChange(kind, Long.parseLong(parts[1]), Long.parseLong(parts[2])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Who hears of it: a new message goes to the recipient's pages and to the sender's (their other
     * tabs); messages read go to the reader's pages (their unread badge). {@code with} is the other
     * member of the conversation, so a page knows whether it shows that conversation.
     */
    List<Delivery> deliveries() {
        return switch (kind) {
            case MESSAGE -> List.of(
                    new Delivery(otherId, "message", "{\"with\":" + actorId + ",\"incoming\":true}"),
                    new Delivery(actorId, "message", "{\"with\":" + otherId + ",\"incoming\":false}"));
            case READ -> List.of(new Delivery(actorId, "read", "{\"with\":" + otherId + "}"));
            case NOTICE -> List.of(new Delivery(actorId, "notice", "{}"));
            case ENDED -> List.of();
        };
    }
}
