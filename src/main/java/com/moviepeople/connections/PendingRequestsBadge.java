package com.moviepeople.connections;

import com.moviepeople.shared.NavigationBadge;
import org.springframework.stereotype.Component;

/** The navigation's count of requests waiting for the member's answer (one indexed count). */
@Component("pendingRequests")
class PendingRequestsBadge implements NavigationBadge {

    private final Connections connections;

    PendingRequestsBadge(Connections connections) {
        this.connections = connections;
    }

    @Override
    public String name() {
        return "pendingRequests";
    }

    @Override
    public long countFor(long memberId) {
        return connections.pendingReceivedCount(memberId);
    }
}
