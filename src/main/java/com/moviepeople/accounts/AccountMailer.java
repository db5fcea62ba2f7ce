package com.moviepeople.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Sends the account e-mails. With SMTP configured ({@code spring.mail.host}) they go out through
 * Spring's {@link JavaMailSender}; without it (the embedded default) each mail, with its full
 * links, is written to the log and kept in a small development outbox ({@code /dev/outbox}).
 */
@Component
class AccountMailer {

    record OutboxMail(Instant sentAt, String to, String subject, String body) {
    }

    private static final Logger log = LoggerFactory.getLogger(AccountMailer.class);
    private static final int OUTBOX_SIZE = 50;

    private final ObjectProvider<JavaMailSender> mailSender;
    private final String from;
    private final String baseUrl;
    private final Deque<OutboxMail> outbox = new ArrayDeque<>();
    /** False in production (the prod profile): mails carry live sign-in links, never logged or kept there. */
    private final boolean devOutbox;

    AccountMailer(ObjectProvider<JavaMailSender> mailSender,
                  @Value("${moviepeople.mail.from:MoviePeople <no-reply@moviepeople.example>}") String from,
                  @Value("${moviepeople.base-url:}") String baseUrl,
                  @Value("${moviepeople.mail.dev-outbox:true}") boolean devOutbox) {
        this.mailSender = mailSender;
        this.devOutbox = devOutbox;
        this.from = from;
        this.baseUrl = baseUrl;
    }

    boolean outboxEnabled() {
        return devOutbox && mailSender.getIfAvailable() == null;
    }

    synchronized List<OutboxMail> outbox() {
        return List.copyOf(outbox);
    }

    /** An absolute link to {@code path}: {@code moviepeople.base-url} if set, else the current request's origin. */
    String link(String path) {
        if (StringUtils.hasText(baseUrl)) {
            return baseUrl.replaceAll("/+$", "") + path;
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
    }

    void send(String to, String subject, String body) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null && !devOutbox) {
            // Production without SMTP: the links in the body sign people in, so they go nowhere.
            log.error("Mail '{}' not sent: no SMTP server configured (set spring.mail.host, see docs/deploy.md)", subject);
            return;
        }
        if (sender == null) {
            log.info("Mail (no SMTP configured, see /dev/outbox) to {}: {}\n{}", to, subject, body);
            synchronized (this) {
                outbox.addFirst(new OutboxMail(Instant.now(), to, subject, body));
                while (outbox.size() > OUTBOX_SIZE) {
                    outbox.removeLast();
                }
            }
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(body);
        try {
            sender.send(message);
        } catch (MailException e) {
            // The member gets the same page either way; operators see the failure in the log.
            log.error("Could not send '{}' mail: {}", subject, e.getMessage());
        }
    }
}
