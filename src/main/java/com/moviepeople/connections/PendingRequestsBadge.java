package com.moviepeople.connections;

import com.moviepeople.shared.NavigationBadge;
import org.springframework.stereotype.Component;

/** The navigation's count of requests waiting for the member's answer (one indexed count). */
@Component("pendingRequests")
class PendingRequestsBadge implements NavigationBadge {

    @Override
    public String name() {
        return "pendingRequests";
    }

    @Override
    public String countQuery() {
        return "select count(*) from connection where receiver_id = :member and status = 'PENDING'";
    }
}
