package com.moviepeople.media;

import java.util.List;

/** What a picture is for, and the sizes made of it once, at upload. */
public enum PictureKind {
    /** A profile photo: squares of 96 px (avatars) and 400 px (the profile page). */
    PHOTO(List.of(new Size("96", 96, true), new Size("400", 400, true))),
    /** A production still: 320 px wide (the gallery) and 1600 px wide (the lightbox). */
    STILL(List.of(new Size("320", 320, false), new Size("1600", 1600, false)));

    /** A size: {@code name} is part of the file's key; squares are cropped from the centre, others keep their shape. */
    record Size(String name, int pixels, boolean square) {
    }

    private final List<Size> sizes;

    PictureKind(List<Size> sizes) {
        this.sizes = sizes;
    }

    List<Size> sizes() {
        return sizes;
    }
}
