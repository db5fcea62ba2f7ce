package com.moviepeople.messaging;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * This instance's ear on PostgreSQL: one connection of its own (not from the pool) that
 * {@code LISTEN}s on {@link LiveNotifier#CHANNEL}, and one daemon thread that waits for
 * notifications and hands them to the {@link LiveStreams} open here. Whichever instance stored a
 * message, every instance hears of it once it is committed.
 *
 * <p>When the database goes away the thread reconnects with backoff (0.5 s doubling to 10 s),
 * logging one warning when it loses the connection and one line when it is back, then tells the
 * open pages to fetch what they may have missed: PostgreSQL keeps no notifications for a listener
 * that was not connected.
 *
 * <p>The connection must reach PostgreSQL directly: a pooler in transaction mode (PgBouncer's
 * usual setting) does not support {@code LISTEN}. {@code moviepeople.live-updates.listener-url}
 * names a direct JDBC URL when the pool's goes through one.
 */
@Component
class LiveListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveListener.class);

    /** The longest one wait for notifications blocks: also how long stopping can take. */
    private static final int WAIT_MILLIS = 1_000;
    /** How often an idle connection is checked (a dead peer does not always close the socket). */
    private static final long CHECK_MILLIS = 30_000;
    private static final long FIRST_BACKOFF_MILLIS = 500;
    private static final long MAX_BACKOFF_MILLIS = 10_000;

    private final DataSource dataSource;
    private final String listenerUrl;
    private final LiveStreams streams;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    LiveListener(DataSource dataSource, @Value("${moviepeople.live-updates.listener-url:}") String listenerUrl,
                 LiveStreams streams) {
        this.dataSource = dataSource;
        this.listenerUrl = listenerUrl;
        this.streams = streams;
    }

    /** True while the listening connection is up (for tests and the logs). */
    boolean isListening() {
        return listening;
    }

    private void run() {
        long backoff = FIRST_BACKOFF_MILLIS;
        boolean connectedBefore = false;
        boolean outageLogged = false;
        while (running) {
            try (Connection connection = connect()) {
                connection.setAutoCommit(true);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + LiveNotifier.CHANNEL);
                }
                listening = true;
                backoff = FIRST_BACKOFF_MILLIS;
                if (outageLogged) {
                    log.info("Live updates resumed: listening to PostgreSQL again");
                    outageLogged = false;
                }
                if (connectedBefore) {
                    // Notifications sent while we were away are gone: the pages fetch what is new.
                    streams.resyncAll();
                }
                connectedBefore = true;
                listen(connection);
                // Stopped: a connection that goes back to a pool must not keep listening (an unread
                // listener holds PostgreSQL's notification queue back).
                try (Statement unlisten = connection.createStatement()) {
                    unlisten.execute("UNLISTEN *");
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) {
                    break;
                }
                if (!outageLogged) {
                    log.warn("Live updates paused: no listening connection to PostgreSQL ({}); pages fall back to "
                            + "polling while it reconnects", describe(e));
                    outageLogged = true;
                } else {
                    log.debug("Live updates: reconnecting failed ({})", describe(e));
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            } finally {
                listening = false;
            }
        }
    }

    /** Waits for notifications until stopped or the connection fails (then throws). */
    private void listen(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        long lastCheck = System.nanoTime();
        while (running) {
            PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    if (LiveNotifier.CHANNEL.equals(notification.getName())) {
                        LiveChange.parse(notification.getParameter()).ifPresent(this::deliver);
                    }
                }
            }
            if (System.nanoTime() - lastCheck > Duration.ofMillis(CHECK_MILLIS).toNanos()) {
                if (!connection.isValid(5)) {
                    throw new SQLException("the listening connection stopped answering", "08006");
                }
                lastCheck = System.nanoTime();
            }
        }
    }

    private void deliver(LiveChange change) {
        try {
            streams.deliver(change);
        } catch (RuntimeException e) {
            log.warn("Live update {} not delivered", change.payload(), e);
        }
    }

    /**
     * A connection of our own with the pool's settings (URL, user, password, driver properties),
     * so that the pool stays whole; with a pool other than Hikari, one of its connections, kept.
     */
    private Connection connect() throws SQLException {
        HikariDataSource hikari = dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        if (hikari == null) {
            return dataSource.getConnection();
        }
        Properties properties = new Properties();
        properties.putAll(hikari.getDataSourceProperties());
        if (hikari.getUsername() != null) {
            properties.setProperty("user", hikari.getUsername());
        }
        if (hikari.getPassword() != null) {
            properties.setProperty("password", hikari.getPassword());
        }
        properties.setProperty("ApplicationName", "moviepeople-live-listener");
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(listenerUrl.isBlank() ? hikari.getJdbcUrl() : listenerUrl, properties);
    }

    private static String describe(Exception e) {
        String state = e instanceof SQLException sql && sql.getSQLState() != null ? " " + sql.getSQLState() : "";
        return e.getClass().getSimpleName() + state;
    }

    // --- lifecycle -------------------------------------------------------------------------

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::run, "live-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(WAIT_MILLIS * 3L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts after, and stops before, the web server; the embedded database closes only after that. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
