package com.moviepeople.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may see a profile field (issue 23): the member's choice per field, kept by the profiles
 * module and honoured wherever the field appears (profile page, link previews, search results and
 * filters, lists). The form values are the lower-case names.
 */
public enum Visibility {

    EVERYONE("Everyone", "also people who are not signed in and link previews"),
    MEMBERS("Members", "anyone signed in to MoviePeople"),
    CONNECTIONS("My connections", "only the people you are connected with"),
    NOBODY("Only me", "nobody else");

    /** Who is looking, as far as visibility goes. */
    public enum Viewer {
        ANONYMOUS, MEMBER, CONNECTION, OWNER
    }

    private final String label;
    private final String hint;

    Visibility(String label, String hint) {
        this.label = label;
        this.hint = hint;
    }

    /** Whether {@code viewer} may see a field with this visibility; the owner always may. */
    public boolean shows(Viewer viewer) {
        return switch (viewer) {
            case OWNER -> true;
            case CONNECTION -> this != NOBODY;
            case MEMBER -> this == EVERYONE || this == MEMBERS;
            case ANONYMOUS -> this == EVERYONE;
        };
    }

    /** The form and database value: {@code everyone}, {@code members}, {@code connections}, {@code nobody}. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public String hint() {
        return hint;
    }

    /** The choice a form or a database row names; empty for anything else (never an exception). */
    public static Optional<Visibility> parse(String value) {
        return value == null ? Optional.empty()
                : Arrays.stream(values()).filter(v -> v.value().equals(value.strip())).findFirst();
    }
}
