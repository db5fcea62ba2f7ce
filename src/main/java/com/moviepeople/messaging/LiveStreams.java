package com.moviepeople.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server-sent event streams open on this instance, by member. Each holds no thread and no
 * database connection while it waits: events are written by a small pool of sender threads, so
 * that the {@link LiveListener} never waits on a slow client. A comment every
 * {@code moviepeople.live-updates.heartbeat} keeps proxies from closing idle streams and finds
 * clients that went away (the write fails); every stream ends after
 * {@code moviepeople.live-updates.stream-timeout} and the browser reconnects, passing the login
 * and session checks again.
 *
 * <p>Stops before the web server's graceful shutdown begins (a higher lifecycle phase): open
 * streams would otherwise count as requests in progress. Each ended stream reconnects, to another
 * instance behind a load balancer.
 */
@Component
class LiveStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

    /** Tabs a member may have streaming at once (the browser script shares one per browser); the oldest ends first. */
    static final int MAX_PER_MEMBER = 8;

    private final Duration heartbeat;
    private final Duration streamTimeout;
    private final int maxStreams;
    private final Map<Long, Deque<Stream>> byMember = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean running;
    private ScheduledExecutorService heartbeats;
    private ThreadPoolExecutor senders;

    LiveStreams(@Value("${moviepeople.live-updates.heartbeat:20s}") Duration heartbeat,
                @Value("${moviepeople.live-updates.stream-timeout:10m}") Duration streamTimeout,
                @Value("${moviepeople.live-updates.max-streams:4000}") int maxStreams) {
        this.heartbeat = heartbeat;
        this.streamTimeout = streamTimeout;
        this.maxStreams = maxStreams;
    }

    /** One open stream: a member's page (or the one tab that shares it with the others). */
    private final class Stream {
        final long memberId;
        final SseEmitter emitter;
        final AtomicBoolean ended = new AtomicBoolean();

        Stream(long memberId, SseEmitter emitter) {
            this.memberId = memberId;
            this.emitter = emitter;
        }

        void send(SseEmitter.SseEventBuilder event) {
            if (ended.get()) {
                return;
            }
            try {
                senders.execute(() -> write(event));
            } catch (RuntimeException rejected) {
                // Full queue or stopping: the page's fallback poll picks the change up.
                log.debug("Live update for member {} dropped: {}", memberId, rejected.toString());
            }
        }

        private void write(SseEmitter.SseEventBuilder event) {
            if (ended.get()) {
                return;
            }
            try {
                emitter.send(event);
            } catch (IOException | IllegalStateException gone) {
                // The client went away (or the stream just ended): forget it; the container ends the request.
                log.debug("Live stream of member {} closed: {}", memberId, gone.toString());
                forget(this);
            }
        }

        void end() {
            boolean first = ended.compareAndSet(false, true);
            forget(this);
            if (first) {
                try {
                    emitter.complete();
                } catch (RuntimeException alreadyDone) {
                    log.debug("Live stream of member {} already ended: {}", memberId, alreadyDone.toString());
                }
            }
        }
    }

    /**
     * A new stream for the member's page; empty while this instance is stopping or already holds
     * {@code moviepeople.live-updates.max-streams} (the page then keeps its slow poll).
     */
    Optional<SseEmitter> open(long memberId) {
        if (!running || open.get() >= maxStreams) {
            return Optional.empty();
        }
        SseEmitter emitter = new SseEmitter(streamTimeout.toMillis());
        Stream stream = new Stream(memberId, emitter);
        emitter.onCompletion(() -> forget(stream));
        emitter.onError(error -> forget(stream));
        emitter.onTimeout(stream::end);
        // compute, not computeIfAbsent and add: forget() may drop the member's (empty) deque meanwhile.
        Deque<Stream> streams = byMember.compute(memberId, (id, existing) -> {
            Deque<Stream> deque = existing == null ? new ConcurrentLinkedDeque<>() : existing;
            deque.addLast(stream);
            open.incrementAndGet();
            return deque;
        });
        while (streams.size() > MAX_PER_MEMBER) {
            Stream oldest = streams.peekFirst();
            if (oldest == null) {
                break;
            }
            oldest.end();
        }
        try {
            // Sent as soon as the response starts: the browser sees the stream open, and reconnects
            // after 2-10 s (spread, so that a restarted instance's clients do not return all at once).
            emitter.send(SseEmitter.event().reconnectTime(ThreadLocalRandom.current().nextLong(2_000, 10_000)).comment("live"));
        } catch (IOException e) {
            stream.end();
        }
        return Optional.of(emitter);
    }

    /** Sends the change's events to the members' streams on this instance (most changes concern none here). */
    void deliver(LiveChange change) {
        if (change.kind() == LiveChange.Kind.ENDED) {
            endAllOf(change.actorId());
            return;
        }
        for (LiveChange.Delivery delivery : change.deliveries()) {
            Deque<Stream> streams = byMember.get(delivery.memberId());
            if (streams != null) {
                for (Stream stream : streams) {
                    stream.send(SseEmitter.event().name(delivery.event()).data(delivery.data()));
                }
            }
        }
    }

    /**
     * Tells every stream here that changes may have been missed (the listener was disconnected
     * from the database): each page fetches what is new itself.
     */
    void resyncAll() {
        forEachStream(stream -> stream.send(SseEmitter.event().name("resync").data("{}")));
    }

    /**
     * Ends the member's streams here: their sessions were ended, and a stream outlives the session
     * that opened it. Pages still logged in reconnect within seconds; the others get 401.
     */
    void endAllOf(long memberId) {
        Deque<Stream> streams = byMember.get(memberId);
        if (streams != null) {
            List.copyOf(streams).forEach(Stream::end);
        }
    }

    /** Streams open on this instance (for tests and the logs). */
    int openCount() {
        return open.get();
    }

    private void forget(Stream stream) {
        stream.ended.set(true);
        byMember.computeIfPresent(stream.memberId, (id, streams) -> {
            if (streams.remove(stream)) {
                open.decrementAndGet();
            }
            return streams.isEmpty() ? null : streams;
        });
    }

    private void forEachStream(java.util.function.Consumer<Stream> action) {
        for (Deque<Stream> streams : byMember.values()) {
            for (Stream stream : streams) {
                action.accept(stream);
            }
        }
    }

    // --- lifecycle -------------------------------------------------------------------------

    @Override
    public synchronized void start() {
        senders = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(10_000), daemon("live-send-"));
        heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("live-heartbeat-"));
        long every = heartbeat.toMillis();
        heartbeats.scheduleWithFixedDelay(() -> forEachStream(stream -> stream.send(SseEmitter.event().comment(""))),
                every, every, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        List<Stream> all = new ArrayList<>();
        forEachStream(all::add);
        all.forEach(Stream::end);
        if (!all.isEmpty()) {
            log.info("Ended {} live update streams for shutdown; their pages reconnect elsewhere", all.size());
        }
        heartbeats.shutdownNow();
        senders.shutdown();
        try {
            senders.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        senders.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server's graceful shutdown ({@code DEFAULT_PHASE - 1024}) waits for requests. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
