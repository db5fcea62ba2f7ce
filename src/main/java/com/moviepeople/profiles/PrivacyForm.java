package com.moviepeople.profiles;

import com.moviepeople.shared.Visibility;
import org.springframework.validation.Errors;

import java.util.Optional;

/**
 * The privacy settings form ({@code POST /settings/privacy}): one of {@code everyone},
 * {@code members}, {@code connections}, {@code nobody} per field. Strings, so that anything else
 * comes back as a message next to its field instead of a binding error.
 */
record PrivacyForm(String connectionsList, String location, String website, String email) {

    static final String UNKNOWN = "Choose one of the four options.";

    static PrivacyForm of(PrivacySettings settings) {
        return new PrivacyForm(settings.connectionsList().value(), settings.location().value(),
                settings.website().value(), settings.email().value());
    }

    /** The settings, or empty with a message in {@code errors} for each unknown choice. */
    Optional<PrivacySettings> settings(Errors errors) {
        check("connectionsList", connectionsList, errors);
        check("location", location, errors);
        check("website", website, errors);
        check("email", email, errors);
        return errors.hasErrors() ? Optional.empty()
                : Optional.of(PrivacySettings.of(connectionsList, location, website, email));
    }

    private static void check(String field, String value, Errors errors) {
        if (Visibility.parse(value).isEmpty()) {
            errors.rejectValue(field, "visibility.unknown", UNKNOWN);
        }
    }
}
