package com.moviepeople.messaging;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The two members have a conversation but are no longer connected: the history stays readable,
 * new messages are refused. Nothing was stored.
 */
@ResponseStatus(HttpStatus.FORBIDDEN)
public class SendingNotAllowedException extends RuntimeException {

    public SendingNotAllowedException() {
        super("Not connected");
    }
}
