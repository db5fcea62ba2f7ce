package com.moviepeople.config;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * An address whose query string Tomcat cannot decode (a {@code %} not followed by two hex digits,
 * as in {@code /search?q=%ZZ}, or bytes that are not UTF-8) is the visitor's mistake, not ours:
 * a 400 page that says what is wrong with the address, and one line in the log at DEBUG, instead
 * of the generic error page and an ERROR with a stack trace.
 */
@ControllerAdvice
class MalformedRequestAdvice {

    private static final Logger log = LoggerFactory.getLogger(MalformedRequestAdvice.class);

    @ExceptionHandler(InvalidParameterException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String malformedAddress(InvalidParameterException e) {
        log.debug("Address not decodable: {}", e.getMessage());
        return "error/malformed-address";
    }
}
