package com.moviepeople.messaging;

/** The message is blank or too long; {@link #getMessage()} says which, in words for the member. Nothing was stored. */
public class InvalidMessageException extends RuntimeException {

    public InvalidMessageException(String message) {
        super(message);
    }
}
