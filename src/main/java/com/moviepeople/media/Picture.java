package com.moviepeople.media;

/**
 * A stored picture: its id (22 characters) and the shape of its largest size. Its files are
 * {@code /media/{id}-{size}.jpg}, e.g. {@code -96} and {@code -400} for a photo.
 */
public record Picture(String id, int width, int height) {

    /** The address of one of its sizes. */
    public static String url(String pictureId, String size) {
        return "/media/" + pictureId + "-" + size + ".jpg";
    }
}
