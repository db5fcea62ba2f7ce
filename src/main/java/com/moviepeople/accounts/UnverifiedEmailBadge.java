package com.moviepeople.accounts;

import com.moviepeople.shared.NavigationBadge;
import org.springframework.stereotype.Component;

/** 1 while the member's e-mail address is unconfirmed: the layout then shows a reminder. */
@Component
class UnverifiedEmailBadge implements NavigationBadge {

    @Override
    public String name() {
        return "unverifiedEmail";
    }

    @Override
    public String countQuery() {
        return "select count(*) from member where id = :member and email_verified_at is null";
    }
}
