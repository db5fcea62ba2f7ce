package com.moviepeople.messaging;

import com.moviepeople.shared.NavigationBadge;
import org.springframework.stereotype.Component;

/** The navigation's count of unread messages: one count on the partial unread index. */
@Component("unreadMessages")
class UnreadMessagesBadge implements NavigationBadge {

    @Override
    public String name() {
        return "unreadMessages";
    }

    @Override
    public String countQuery() {
        return "select count(*) from message where recipient_id = :member and read_at is null";
    }
}
