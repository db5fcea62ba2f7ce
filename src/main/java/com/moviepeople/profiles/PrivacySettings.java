package com.moviepeople.profiles;

import com.moviepeople.shared.Visibility;


/**
 * Who sees what of a member's profile (issue 23): their list and count of connections, location,
 * website and verified e-mail address. Everyone sees the rest of a profile; the owner always sees all.
 */
public record PrivacySettings(Visibility connectionsList, Visibility location, Visibility website, Visibility email) {

    /** What a member has chosen before choosing: all shown but the e-mail address. */
    public static final PrivacySettings DEFAULT = new PrivacySettings(Visibility.EVERYONE, Visibility.EVERYONE,
            Visibility.EVERYONE, Visibility.NOBODY);

    static PrivacySettings of(String connectionsList, String location, String website, String email) {
        return new PrivacySettings(Visibility.parse(connectionsList).orElse(DEFAULT.connectionsList()),
                Visibility.parse(location).orElse(DEFAULT.location()), Visibility.parse(website).orElse(DEFAULT.website()),
                Visibility.parse(email).orElse(DEFAULT.email()));
    }
}
