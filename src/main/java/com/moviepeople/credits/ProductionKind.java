package com.moviepeople.credits;

import java.util.List;

/** The kinds of production, as stored ({@code production_kind_known}) and offered in the form. */
public final class ProductionKind {

    public record Kind(String value, String label) {
    }

    public static final List<Kind> ALL = List.of(new Kind("feature", "Feature film"), new Kind("short", "Short film"),
            new Kind("series", "Series"), new Kind("documentary", "Documentary"), new Kind("commercial", "Commercial"),
            new Kind("music-video", "Music video"), new Kind("other", "Other"));

    public static boolean isKnown(String value) {
        return ALL.stream().anyMatch(k -> k.value().equals(value));
    }

    public static String labelOf(String value) {
        return ALL.stream().filter(k -> k.value().equals(value)).map(Kind::label).findFirst().orElse(value);
    }

    private ProductionKind() {
    }
}
