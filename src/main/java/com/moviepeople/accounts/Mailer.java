package com.moviepeople.accounts;

import org.springframework.mail.MailException;

import java.util.Map;

/**
 * The app's mail setup for other modules: SMTP when {@code spring.mail.host} is set, else the log
 * and the development outbox ({@code /dev/outbox}), exactly as for the account mails.
 */
public interface Mailer {

    /**
     * Sends one plain-text mail now, in the calling thread, with extra {@code headers} (e.g.
     * {@code List-Unsubscribe}). Callers that keep their own queue of mails call it from a
     * background job and try again later when it throws.
     *
     * @throws MailException the SMTP server refused it or could not be reached
     */
    void deliver(String to, String subject, String body, Map<String, String> headers);

    /**
     * An absolute link to {@code path}: {@code moviepeople.base-url} if set, else the current
     * request's origin, else (a background job) {@code http://localhost:<port>}.
     */
    String link(String path);
}
