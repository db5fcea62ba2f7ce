package com.moviepeople.credits;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Add a credit for me: the production, my role on it (suggested from FilmRoles, free text allowed), a note. */
record CreditForm(
        @NotNull(message = "Choose the production.")
        Long productionId,

        @NotBlank(message = "Say what you did on it, like “Gaffer” or “Film Editor”.")
        @Size(max = CreditForm.ROLE_MAX, message = "A role is at most " + CreditForm.ROLE_MAX + " characters.")
        String role,

        @Size(max = CreditForm.NOTE_MAX, message = "A note is at most " + CreditForm.NOTE_MAX + " characters.")
        String note) {

    static final int ROLE_MAX = 100;
    static final int NOTE_MAX = 200;

    CreditForm {
        role = oneLine(role);
        note = oneLine(note);
    }

    static CreditForm forProduction(long productionId) {
        return new CreditForm(productionId, "", "");
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
    }
}
