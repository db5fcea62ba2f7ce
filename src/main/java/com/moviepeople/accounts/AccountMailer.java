package com.moviepeople.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import jakarta.annotation.PreDestroy;
import org.springframework.util.StringUtils;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Sends the account e-mails. With SMTP configured ({@code spring.mail.host}) they go out through
 * Spring's {@link JavaMailSender}; without it (the embedded default) each mail, with its full
 * links, is written to the log and kept in a small development outbox ({@code /dev/outbox}).
 */
@Component
class AccountMailer implements Mailer {

    record OutboxMail(Instant sentAt, String to, String subject, String body, Map<String, String> headers) {
    }

    private static final Logger log = LoggerFactory.getLogger(AccountMailer.class);
    private static final int OUTBOX_SIZE = 50;
    private static final int QUEUE_SIZE = 1_000;

    /** Two threads talk to the SMTP server; at most {@link #QUEUE_SIZE} mails wait for them. */
    private final ThreadPoolExecutor deliveries = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(QUEUE_SIZE), mailThreads());

    private static CustomizableThreadFactory mailThreads() {
        CustomizableThreadFactory threads = new CustomizableThreadFactory("mail-");
        threads.setDaemon(true);
        return threads;
    }

    private final ObjectProvider<JavaMailSender> mailSender;
    private final String from;
    private final String baseUrl;
    private final Deque<OutboxMail> outbox = new ArrayDeque<>();
    /** False in production (the prod profile): mails carry live sign-in links, never logged or kept there. */
    private final boolean devOutbox;
    private final Environment environment;

    AccountMailer(ObjectProvider<JavaMailSender> mailSender,
                  @Value("${moviepeople.mail.from:MoviePeople <no-reply@moviepeople.example>}") String from,
                  @Value("${moviepeople.base-url:}") String baseUrl,
                  @Value("${moviepeople.mail.dev-outbox:true}") boolean devOutbox, Environment environment) {
        this.mailSender = mailSender;
        this.environment = environment;
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
    @Override
    public String link(String path) {
        if (StringUtils.hasText(baseUrl)) {
            return baseUrl.replaceAll("/+$", "") + path;
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes) {
            return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
        }
        // A background job (the notification mails): no request to take the origin from.
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        return "http://localhost:" + port + path;
    }

    @Override
    public void deliver(String to, String subject, String body, Map<String, String> headers) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            keepOrDrop(to, subject, body, headers);
            return;
        }
        sender.send(mimeMessage -> {
            MimeMessageHelper message = new MimeMessageHelper(mimeMessage, StandardCharsets.UTF_8.name());
            message.setFrom(from);
            message.setTo(to);
            message.setSubject(subject);
            message.setText(body);
            for (Map.Entry<String, String> header : headers.entrySet()) {
                mimeMessage.setHeader(header.getKey(), header.getValue());
            }
        });
    }

    /** Without SMTP: into the log and the development outbox, or (production) nowhere. */
    private void keepOrDrop(String to, String subject, String body, Map<String, String> headers) {
        if (!devOutbox) {
            // Production without SMTP: the links in the body sign people in, so they go nowhere.
            log.error("Mail '{}' not sent: no SMTP server configured (set spring.mail.host, see docs/deploy.md)", subject);
            return;
        }
        log.info("Mail (no SMTP configured, see /dev/outbox) to {}: {}\n{}", to, subject, body);
        synchronized (this) {
            outbox.addFirst(new OutboxMail(Instant.now(), to, subject, body, Map.copyOf(headers)));
            while (outbox.size() > OUTBOX_SIZE) {
                outbox.removeLast();
            }
        }
    }

    void send(String to, String subject, String body) {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            keepOrDrop(to, subject, body, Map.of());
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(body);
        // Talking to the SMTP server takes from milliseconds to seconds: done in the background,
        // after the transaction that asked for it has committed (never for one rolled back), so the
        // answer takes the same time whether or not a mail goes out — "forgot password" does not
        // tell anyone which addresses are members.
        Runnable delivery = () -> deliver(sender, message);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    enqueue(delivery, subject);
                }
            });
        } else {
            enqueue(delivery, subject);
        }
    }

    private void enqueue(Runnable delivery, String subject) {
        try {
            deliveries.execute(delivery);
        } catch (RejectedExecutionException e) {
            log.error("Mail '{}' not sent: {} mails are already waiting for the SMTP server", subject, QUEUE_SIZE);
        }
    }

    private static void deliver(JavaMailSender sender, SimpleMailMessage message) {
        try {
            sender.send(message);
        } catch (MailException e) {
            // The member got the same page either way; operators see the failure in the log.
            log.error("Could not send '{}' mail: {}", message.getSubject(), e.getMessage());
        }
    }

    /** Mails already queued still go out at shutdown (within the graceful-shutdown time). */
    @PreDestroy
    void finishDeliveries() throws InterruptedException {
        deliveries.shutdown();
        if (!deliveries.awaitTermination(15, TimeUnit.SECONDS)) {
            log.warn("Shutting down with {} mails not sent", deliveries.getQueue().size());
            deliveries.shutdownNow();
        }
    }
}
