package com.moviepeople.portfolio;

import com.moviepeople.media.Picture;

/** A still of a portfolio item: 320 px wide in the gallery, 1600 px in the lightbox. */
public record Still(long id, String pictureId, int width, int height) {

    public String getSmall() {
        return Picture.url(pictureId, "320");
    }

    public String getLarge() {
        return Picture.url(pictureId, "1600");
    }
}
