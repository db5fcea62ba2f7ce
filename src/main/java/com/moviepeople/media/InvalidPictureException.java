package com.moviepeople.media;

/** The upload is not a picture we take; the message says why, in words for the form. */
public class InvalidPictureException extends RuntimeException {

    public InvalidPictureException(String message) {
        super(message);
    }
}
