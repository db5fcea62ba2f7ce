package com.moviepeople.accounts;

import com.moviepeople.shared.NavigationBadge;
import org.springframework.stereotype.Component;

/** 1 while the member's e-mail address is unconfirmed: the layout then shows a reminder. */
@Component
class UnverifiedEmailBadge implements NavigationBadge {

    private final MemberDirectory members;

    UnverifiedEmailBadge(MemberDirectory members) {
        this.members = members;
    }

    @Override
    public String name() {
        return "unverifiedEmail";
    }

    @Override
    public long countFor(long memberId) {
        return members.isEmailVerified(memberId) ? 0 : 1;
    }
}
