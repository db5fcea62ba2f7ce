package com.moviepeople.notifications;

import com.moviepeople.shared.NavigationBadge;
import org.springframework.stereotype.Component;

/** The bell's count: unread notifications (a partial index), in the navigation's one statement. */
@Component("unreadNotifications")
class UnreadNotificationsBadge implements NavigationBadge {

    @Override
    public String name() {
        return "unreadNotifications";
    }

    @Override
    public String countQuery() {
        return "select count(*) from notification where recipient_id = :member and read_at is null";
    }
}
