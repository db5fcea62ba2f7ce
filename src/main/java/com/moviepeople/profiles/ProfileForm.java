package com.moviepeople.profiles;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The profile edit form (also the command the demo community uses, hence public). The website's
 * scheme is checked by {@link ProfileService}; lengths match the database's CHECK constraints.
 */
public record ProfileForm(
        @NotBlank(message = "Tell people your name.")
        @Size(max = ProfileForm.DISPLAY_NAME_MAX, message = "Names are at most " + ProfileForm.DISPLAY_NAME_MAX + " characters.")
        String displayName,

        @Size(max = ProfileForm.HEADLINE_MAX, message = "Headlines are at most " + ProfileForm.HEADLINE_MAX + " characters.")
        String headline,

        @Size(max = ProfileForm.ROLE_MAX, message = "Roles are at most " + ProfileForm.ROLE_MAX + " characters.")
        String role,

        @Size(max = ProfileForm.LOCATION_MAX, message = "Locations are at most " + ProfileForm.LOCATION_MAX + " characters.")
        String location,

        @Size(max = ProfileForm.BIO_MAX, message = "Bios are at most " + ProfileForm.BIO_MAX + " characters.")
        String bio,

        @Size(max = ProfileForm.WEBSITE_MAX, message = "Website addresses are at most " + ProfileForm.WEBSITE_MAX + " characters.")
        String website) {

    static final int DISPLAY_NAME_MAX = 80;
    static final int HEADLINE_MAX = 120;
    static final int ROLE_MAX = 60;
    static final int LOCATION_MAX = 80;
    static final int BIO_MAX = 2000;
    static final int WEBSITE_MAX = 300;

    /** Surrounding whitespace is never meant, nor line breaks in one-line fields. */
    public ProfileForm {
        displayName = oneLine(displayName);
        headline = oneLine(headline);
        role = oneLine(role);
        location = oneLine(location);
        bio = multiLine(bio);
        website = website == null ? "" : website.strip();
    }

    /** Keeps line breaks and tabs, drops other control characters (PostgreSQL refuses NUL). */
    private static String multiLine(String s) {
        return s == null ? "" : s.replace("\r\n", "\n").replaceAll("[\\p{Cntrl}&&[^\n\t]]", "").strip();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
    }
}
