package com.moviepeople.messaging;

import com.moviepeople.shared.Avatars;

/** How a conversation partner is named and pictured, including one who deleted their account. */
final class MemberNames {

    static final String DELETED_MEMBER = "Deleted member";

    private MemberNames() {
    }

    /** Up to two initials for the photo placeholder: "Agnieszka Kowalska" → "AK"; "?" for nobody. */
    static String initials(String displayName) {
        return Avatars.initialsOf(displayName);
    }
}
