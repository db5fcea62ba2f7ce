package com.moviepeople.media;

/** Picture ids for rows that tests write directly. */
public final class MediaKeysForTests {

    private MediaKeysForTests() {
    }

    public static String newPictureId() {
        return MediaKeys.newPictureId();
    }
}
