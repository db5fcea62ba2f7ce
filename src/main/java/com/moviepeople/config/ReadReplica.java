package com.moviepeople.config;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The optional read replica (issue 25): its own connection pool, the routing of connections between
 * it and the primary, and a check of its health and lag every second.
 *
 * <p>A connection goes to the replica only inside a request that {@link ReadReplicaFilter} marked as
 * replica-eligible (a GET or HEAD of a read page, by a visitor whose own last write the replica has
 * replayed), and only when there is no transaction or a read-only one. Everything else — read-write
 * transactions, POSTs, scheduled jobs, Flyway, sessions, the live-update listener — stays on the
 * primary. The decision is taken when the first statement runs (this router sits behind a
 * {@link org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy}), when the transaction's
 * read-only flag is known.
 */
final class ReadReplica extends DelegatingDataSource implements AutoCloseable {

    /** Session attribute: the primary's WAL position after this visitor's last committed write. */
    static final String WRITE_LSN = ReadReplica.class.getName() + ".WRITE_LSN";

    private static final Logger log = LoggerFactory.getLogger(ReadReplica.class);
    private static final ThreadLocal<RequestState> CURRENT = new ThreadLocal<>();
    private static final Object LSN_RECORDING = new Object();

    enum State { STARTING, UP, LAGGING, DOWN }

    /** What the current request may do, set by {@link ReadReplicaFilter}. */
    static final class RequestState {
        final HttpServletRequest request;
        volatile boolean eligible;
        volatile boolean usedReplica;

        RequestState(HttpServletRequest request, boolean eligible) {
            this.request = request;
            this.eligible = eligible;
        }
    }

    private final HikariDataSource primary;
    private final HikariDataSource replica;
    private volatile Duration maxLag;
    private final Duration checkInterval;
    private final ScheduledExecutorService checker;
    /** (time, primary LSN) samples, newest last, to tell how long ago the primary was where the replica is now. */
    private final Deque<long[]> primaryPositions = new ArrayDeque<>();

    private volatile DataSource routed;
    private volatile State state = State.STARTING;
    private volatile long replayedLsn = -1;
    private volatile long lagMillis = -1;
    private volatile String reason = "not checked yet";

    ReadReplica(HikariDataSource primary, String url, String username, String password, Duration maxLag, Duration checkInterval) {
        super(primary);
        this.primary = primary;
        this.maxLag = maxLag;
        this.checkInterval = checkInterval;
        // Sized like the primary's pool; a replica that is down at start does not stop the application.
        replica = new HikariDataSource();
        replica.setPoolName("replica");
        replica.setJdbcUrl(url);
        replica.setUsername(username != null ? username : primary.getUsername());
        replica.setPassword(username != null ? password : primary.getPassword());
        replica.setDriverClassName(primary.getDriverClassName());
        replica.setMaximumPoolSize(primary.getMaximumPoolSize());
        if (primary.getMinimumIdle() >= 0) {
            replica.setMinimumIdle(primary.getMinimumIdle());
        }
        replica.setIdleTimeout(primary.getIdleTimeout());
        replica.setMaxLifetime(primary.getMaxLifetime());
        replica.setDataSourceProperties(primary.getDataSourceProperties());
        replica.addDataSourceProperty("ApplicationName", "moviepeople-replica-reads");
        // A replica that stopped answering costs a request at most a second before it goes to the primary.
        replica.setConnectionTimeout(1000);
        replica.setValidationTimeout(1000);
        replica.setInitializationFailTimeout(-1);
        checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "replica-check");
            thread.setDaemon(true);
            return thread;
        });
    }

    void start() {
        checker.scheduleWithFixedDelay(this::check, 0, checkInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        checker.shutdownNow();
        replica.close();
    }

    // ---- routing ----

    static RequestState enter(HttpServletRequest request, boolean eligible) {
        RequestState state = new RequestState(request, eligible);
        CURRENT.set(state);
        return state;
    }

    static void leave() {
        CURRENT.remove();
    }

    @Override
    public Connection getConnection() throws SQLException {
        RequestState request = CURRENT.get();
        if (request == null) {
            return primary.getConnection();
        }
        boolean readOnlyWork = !TransactionSynchronizationManager.isActualTransactionActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly();
        if (request.eligible && readOnlyWork && state == State.UP) {
            try {
                Connection connection = replica.getConnection();
                request.usedReplica = true;
                return connection;
            } catch (SQLException e) {
                // The check will notice too; this request and the next ones go to the primary now.
                markDown(e);
                request.eligible = false;
            }
        }
        if (!readOnlyWork && TransactionSynchronizationManager.isSynchronizationActive()
                && !SessionStoreConfiguration.SESSION_TRANSACTION.equals(TransactionSynchronizationManager.getCurrentTransactionName())
                && !TransactionSynchronizationManager.hasResource(LSN_RECORDING)) {
            TransactionSynchronizationManager.bindResource(LSN_RECORDING, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new LsnRecording(request.request));
        }
        return primary.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return primary.getConnection(username, password);
    }

    /** Whether the replica has replayed the visitor's last write (or they have none). */
    boolean caughtUpWith(HttpSession session) {
        Object lsn = session.getAttribute(WRITE_LSN);
        return !(lsn instanceof Long written) || written <= replayedLsn;
    }

    /** After a read-write transaction of a request commits: where the primary's WAL is now, in the visitor's session. */
    private final class LsnRecording implements TransactionSynchronization {
        private final HttpServletRequest request;

        LsnRecording(HttpServletRequest request) {
            this.request = request;
        }

        @Override
        public void afterCommit() {
            HttpSession session = request.getSession(false);
            if (session == null) {
                return; // an anonymous visitor without a session has nothing to read back
            }
            try {
                long lsn = writePosition();
                Object before = session.getAttribute(WRITE_LSN);
                if (!(before instanceof Long earlier) || earlier < lsn) {
                    session.setAttribute(WRITE_LSN, lsn);
                }
            } catch (SQLException | IllegalStateException e) {
                // Without it this visitor may read from a replica a second behind; the write itself committed.
                log.debug("Could not record the write position", e);
            }
        }

        /**
         * The primary's WAL insert position, read on the transaction's own connection, which is still
         * held here (a second connection from the pool could wait behind a full pool). The insert
         * position is past the commit record even when it was committed asynchronously.
         */
        private long writePosition() throws SQLException {
            ConnectionHolder holder = routed == null ? null : (ConnectionHolder) TransactionSynchronizationManager.getResource(routed);
            if (holder != null && holder.getConnectionHandle() != null) {
                return currentLsn(holder.getConnection());
            }
            log.debug("No connection bound to the transaction: the write position comes from a second connection");
            try (Connection connection = primary.getConnection()) {
                return currentLsn(connection);
            }
        }
        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(LSN_RECORDING);
        }
    }

    private static long currentLsn(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select pg_current_wal_insert_lsn()::text")) {
            row.next();
            return parseLsn(row.getString(1));
        }
    }

    /** The data source the transaction managers bind connections to (the proxy in front of this router). */
    void routedBy(DataSource proxy) {
        this.routed = proxy;
    }

    static long parseLsn(String text) {
        int slash = text.indexOf('/');
        return (Long.parseLong(text.substring(0, slash), 16) << 32) | Long.parseLong(text.substring(slash + 1), 16);
    }

    // ---- health ----

    State state() {
        return state;
    }

    long lagMillis() {
        return lagMillis;
    }

    String reason() {
        return reason;
    }

    Duration maxLag() {
        return maxLag;
    }

    /** Tests shorten the limit. */
    void maxLag(Duration limit) {
        this.maxLag = limit;
    }

    void check() {
        try {
            long now = System.currentTimeMillis();
            long primaryLsn;
            try (Connection connection = primary.getConnection(); Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("select pg_current_wal_lsn()::text")) {
                row.next();
                primaryLsn = parseLsn(row.getString(1));
            }
            primaryPositions.addLast(new long[] {now, primaryLsn});
            boolean inRecovery;
            long replayed;
            try (Connection connection = replica.getConnection(); Statement statement = connection.createStatement()) {
                statement.setQueryTimeout(2);
                try (ResultSet row = statement.executeQuery("select pg_is_in_recovery(), pg_last_wal_replay_lsn()::text")) {
                    row.next();
                    inRecovery = row.getBoolean(1);
                    String lsn = row.getString(2);
                    replayed = lsn == null ? -1 : parseLsn(lsn);
                }
            }
            if (!inRecovery) {
                change(State.DOWN, -1, "not a standby (pg_is_in_recovery() is false)");
                return;
            }
            replayedLsn = replayed;
            // On an idle primary pg_last_xact_replay_timestamp() grows without any lag, so the lag is
            // measured as: how long ago was the primary first seen past what the replica has replayed.
            long behindSince = now;
            for (long[] position : primaryPositions) {
                if (position[1] > replayed) {
                    behindSince = position[0];
                    break;
                }
            }
            long lag = now - behindSince;
            // Samples the replica has passed are of no more use; an hour of samples is plenty to tell a lag.
            while (primaryPositions.size() > 1 && primaryPositions.peekFirst()[1] <= replayed) {
                primaryPositions.removeFirst();
            }
            while (primaryPositions.size() > 3600) {
                primaryPositions.removeFirst();
            }
            if (lag > maxLag.toMillis()) {
                change(State.LAGGING, lag, "replay lags " + lag + " ms behind the primary (limit " + maxLag.toMillis() + " ms)");
            } else {
                change(State.UP, lag, "streaming");
            }
        } catch (SQLException | RuntimeException e) {
            markDown(e);
        }
    }

    private void markDown(Exception e) {
        change(State.DOWN, -1, "unreachable: " + e.getMessage());
    }

    private synchronized void change(State next, long lag, String why) {
        lagMillis = lag;
        reason = why;
        State before = state;
        state = next;
        if (before != next) {
            if (next == State.UP) {
                log.info("Read replica is up ({}): safe page reads go to it", why);
            } else {
                log.warn("Read replica is {} ({}): all reads go to the primary", next.name().toLowerCase(), why);
            }
        }
    }

    /** For {@link ReadReplicaConfiguration}: the request in this thread, if any. */
    static RequestState current() {
        return CURRENT.get();
    }

    DataSource replicaPool() {
        return replica;
    }
}
