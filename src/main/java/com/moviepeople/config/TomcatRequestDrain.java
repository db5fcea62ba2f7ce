package com.moviepeople.config;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.apache.coyote.ProtocolHandler;
import org.apache.tomcat.util.threads.ResizableExecutor;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * Lets every request Tomcat has begun finish before Tomcat is stopped, not only the part of it
 * that runs in the servlet.
 *
 * <p>Spring Boot's graceful shutdown waits while a servlet is allocated to a request (its filters
 * included) or an async request is open. Tomcat does more of a request on its request thread
 * outside that window: it reads and parses the request before handing it over, forwards to the
 * error page after the servlet threw, writes the buffered rest of the response once the servlet has
 * returned, and reads and discards the part of an upload the application did not read. When the
 * servlet part of the last request ends, Boot reports "Graceful shutdown complete", Tomcat is
 * stopped, and stopping closes every socket, including those whose answer is still being written
 * (seen as a connection closed with no answer at all). This stop step runs in the same phase as
 * Boot's graceful shutdown and ends only once the connectors are paused (no new requests) and no
 * request thread is busy, so the phase's {@code spring.lifecycle.timeout-per-shutdown-phase} bounds
 * both together. Async requests hold no thread; Boot's graceful shutdown waits for those.
 */
@Component
@ConditionalOnProperty(name = "server.shutdown", havingValue = "graceful")
class TomcatRequestDrain implements TomcatConnectorCustomizer, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TomcatRequestDrain.class);
    private static final long POLL_MILLIS = 20;

    private final List<Connector> connectors = new CopyOnWriteArrayList<>();
    private final Duration timeout;
    private volatile boolean running;

    TomcatRequestDrain(@Value("${spring.lifecycle.timeout-per-shutdown-phase:30s}") Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void customize(Connector connector) {
        connectors.add(connector);
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        awaitIdle();
        running = false;
    }

    /** On its own thread: the lifecycle processor waits for the callback at most the phase's timeout. */
    @Override
    public void stop(Runnable callback) {
        Thread drain = new Thread(() -> {
            try {
                awaitIdle();
            } finally {
                running = false;
                callback.run();
            }
        }, "tomcat-request-drain");
        drain.setDaemon(true);
        drain.start();
    }

    private void awaitIdle() {
        long deadline = System.nanoTime() + timeout.toNanos();
        int busy = busyRequestThreads();
        while ((busy != 0 || !allPaused()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            busy = busyRequestThreads();
        }
        if (busy != 0) {
            log.warn("Stopping the web server with {} request thread(s) still busy after {}", busy, timeout);
        }
    }

    private boolean allPaused() {
        for (Connector connector : connectors) {
            if (connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol && !protocol.isPaused()) {
                return false;
            }
        }
        return true;
    }

    /** Threads now working on a request; 0 when it cannot tell (virtual threads: nothing to wait on then). */
    private int busyRequestThreads() {
        int busy = 0;
        for (Connector connector : connectors) {
            ProtocolHandler handler = connector.getProtocolHandler();
            Executor executor = handler == null ? null : handler.getExecutor();
            if (executor instanceof ThreadPoolExecutor tomcatPool) {
                busy += tomcatPool.getActiveCount();
            } else if (executor instanceof ResizableExecutor shared) {
                busy += shared.getActiveCount();
            } else if (executor instanceof java.util.concurrent.ThreadPoolExecutor pool) {
                busy += pool.getActiveCount();
            }
        }
        return busy;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The phase of Boot's graceful shutdown: both stop together and share its timeout. */
    @Override
    public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE;
    }
}
