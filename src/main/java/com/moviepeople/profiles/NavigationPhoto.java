package com.moviepeople.profiles;

import com.moviepeople.shared.NavigationBadge;
import org.springframework.stereotype.Component;

/** The member's own photo id for the navigation ({@code nav.photo}), read in the navigation's one statement. */
@Component
class NavigationPhoto implements NavigationBadge {

    @Override
    public String name() {
        return "photo";
    }

    @Override
    public String countQuery() {
        return "select photo_id from profile where member_id = :member";
    }
}
