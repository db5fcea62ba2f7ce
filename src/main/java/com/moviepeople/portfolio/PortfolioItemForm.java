package com.moviepeople.portfolio;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Create or edit a portfolio item. The media URL's rules (schemes, providers, video ids) need
 * more than an annotation and are checked by {@link PortfolioService}. Also the command the demo
 * community uses, hence public.
 */
public record PortfolioItemForm(
        @NotBlank(message = "Give the project a title.")
        @Size(max = PortfolioItemForm.TITLE_MAX, message = "Titles are at most " + PortfolioItemForm.TITLE_MAX + " characters.")
        String title,

        @Size(max = PortfolioItemForm.DESCRIPTION_MAX,
                message = "Descriptions are at most " + PortfolioItemForm.DESCRIPTION_MAX + " characters.")
        String description,

        String mediaUrl,

        @Min(value = PortfolioItemForm.YEAR_MIN, message = "Enter a year between " + PortfolioItemForm.YEAR_MIN + " and " + PortfolioItemForm.YEAR_MAX + ".")
        @Max(value = PortfolioItemForm.YEAR_MAX, message = "Enter a year between " + PortfolioItemForm.YEAR_MIN + " and " + PortfolioItemForm.YEAR_MAX + ".")
        Integer year,

        @Size(max = PortfolioItemForm.CREDIT_ROLE_MAX,
                message = "Your role is at most " + PortfolioItemForm.CREDIT_ROLE_MAX + " characters.")
        String creditRole,

        /** One of the owner's credits that the item proves (optional). */
        Long creditId) {

    static final int TITLE_MAX = 120;
    static final int DESCRIPTION_MAX = 2000;
    /** The first films (Le Prince, Lumière) date from 1888; projects may be announced a few years ahead. */
    static final int YEAR_MIN = 1888;
    static final int YEAR_MAX = 2100;
    static final int CREDIT_ROLE_MAX = 80;

    /** Whitespace around single-line fields is never meant; line breaks in one-line fields neither. */
    public PortfolioItemForm {
        title = oneLine(title);
        description = multiLine(description);
        mediaUrl = mediaUrl == null ? "" : mediaUrl.strip();
        creditRole = oneLine(creditRole);
    }

    /** An item that proves no credit. */
    public PortfolioItemForm(String title, String description, String mediaUrl, Integer year, String creditRole) {
        this(title, description, mediaUrl, year, creditRole, null);
    }

    static PortfolioItemForm empty() {
        return new PortfolioItemForm("", "", "", null, null, null);
    }

    /** Keeps line breaks and tabs, drops other control characters (PostgreSQL refuses NUL). */
    private static String multiLine(String s) {
        return s == null ? "" : s.replace("\r\n", "\n").replaceAll("[\\p{Cntrl}&&[^\n\t]]", "").strip();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
    }
}
