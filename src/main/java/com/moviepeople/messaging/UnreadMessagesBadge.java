package com.moviepeople.messaging;

import com.moviepeople.shared.NavigationBadge;
import org.springframework.stereotype.Component;

/** The navigation's count of unread messages: one count on the partial unread index. */
@Component("unreadMessages")
class UnreadMessagesBadge implements NavigationBadge {

    private final Messaging messaging;

    UnreadMessagesBadge(Messaging messaging) {
        this.messaging = messaging;
    }

    @Override
    public String name() {
        return "unreadMessages";
    }

    @Override
    public long countFor(long memberId) {
        return messaging.unreadCount(memberId);
    }
}
