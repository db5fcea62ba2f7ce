package com.moviepeople.credits;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Create a production: {@code title}, {@code year}, {@code kind}, optional {@code link} (https only).
 * {@code confirmNew} says the member saw the "did you mean" choices and still wants a new one.
 * The year's range and the link's rules are checked by {@link ProductionService}.
 */
record ProductionForm(
        @NotBlank(message = "Give the production's title.")
        @Size(max = ProductionForm.TITLE_MAX, message = "Titles are at most " + ProductionForm.TITLE_MAX + " characters.")
        String title,

        @NotNull(message = "Enter the year it was released or shot, like 2024.")
        Integer year,

        @NotBlank(message = "Choose what kind of production it is.")
        String kind,

        String link,

        Boolean confirmNew) {

    static final int TITLE_MAX = 200;
    static final int LINK_MAX = 500;

    ProductionForm {
        title = title == null ? "" : title.replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
        kind = kind == null ? "" : kind.strip();
        link = link == null ? "" : link.strip();
        confirmNew = Boolean.TRUE.equals(confirmNew);
    }

    static ProductionForm empty() {
        return new ProductionForm("", null, "", "", false);
    }
}
