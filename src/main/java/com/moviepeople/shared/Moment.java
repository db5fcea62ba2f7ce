package com.moviepeople.shared;

/**
 * A moment as a page shows it, worked out once in Java ({@link Times#moment}) for lists drawn many
 * times a page: {@code iso} for {@code <time datetime>}, {@code exact} for the tooltip, {@code relative}
 * ("3 minutes ago", a date for older ones) for the text.
 */
public record Moment(String iso, String exact, String relative) {
}
