package com.moviepeople.credits;

/** A production as lists show it: "Title (2022)", linking to its page. */
public record ProductionRef(long id, String title, int year, String kind) {

    public String label() {
        return title + " (" + year + ")";
    }

    public String kindLabel() {
        return ProductionKind.labelOf(kind);
    }

    public String link() {
        return "/productions/" + id;
    }
}
