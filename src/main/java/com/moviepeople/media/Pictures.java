package com.moviepeople.media;

import org.springframework.core.io.InputStreamSource;

import java.util.Collection;

/** The media module's API: store an uploaded picture, delete pictures. */
public interface Pictures {

    /** Files larger than this are refused before they are read (the upload limit is the same). */
    long MAX_BYTES = 10L * 1024 * 1024;

    /**
     * Checks the upload by decoding it (JPEG, PNG or WebP only, at most 50 megapixels, complete),
     * turns it upright, re-encodes the sizes of {@code kind} without any metadata and stores them
     * for {@code ownerId}. Joins the caller's transaction: if it rolls back, the files go too.
     *
     * @throws InvalidPictureException anything else, with a message for the form; nothing is stored
     */
    Picture store(long ownerId, InputStreamSource upload, PictureKind kind);

    /** Deletes the pictures' rows now and their files once the caller's transaction commits. */
    void delete(Collection<String> pictureIds);
}
