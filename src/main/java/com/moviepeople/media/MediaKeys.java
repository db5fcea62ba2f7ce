package com.moviepeople.media;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Picture ids (22 random base64url characters) and file keys ({@code {id}-{size}.jpg}), and the
 * keys of private files ({@code private/{id}.zip}), which {@code GET /media/} never serves.
 */
final class MediaKeys {

    static final Pattern PICTURE_ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    static final Pattern FILE_KEY = Pattern.compile("[A-Za-z0-9_-]{22}-[a-z0-9]{1,8}\\.jpg");

    static final Pattern PRIVATE_KEY = Pattern.compile("private/[A-Za-z0-9_-]{22}\\.zip");

    private static final SecureRandom RANDOM = new SecureRandom();

    private MediaKeys() {
    }

    static String newPictureId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean isFileKey(String key) {
        return key != null && FILE_KEY.matcher(key).matches();
    }

    static boolean isPrivateKey(String key) {
        return key != null && PRIVATE_KEY.matcher(key).matches();
    }

    /** A key a storage accepts: a picture's file or a private file. */
    static boolean isStorableKey(String key) {
        return isFileKey(key) || isPrivateKey(key);
    }

    static boolean isPictureId(String id) {
        return id != null && PICTURE_ID.matcher(id).matches();
    }
}
