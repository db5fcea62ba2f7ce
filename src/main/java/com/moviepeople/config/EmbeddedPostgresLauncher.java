package com.moviepeople.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Starts the embedded PostgreSQL on a persistent data directory, safely.
 *
 * <p>The data directory holds real members' data, so the server runs crash-safe (fsync,
 * synchronous commit and full page writes on: zonky's own defaults are for throw-away test
 * databases). Before starting it takes an exclusive lock on {@code <dataDir>/moviepeople.lock}
 * so that a second MoviePeople on the same directory is refused, and only then stops a
 * postgres orphaned by a JVM that was killed without closing it.
 */
public final class EmbeddedPostgresLauncher implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

    private final Path dataDir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private volatile EmbeddedPostgres postgres;

    private EmbeddedPostgresLauncher(Path dataDir, FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on {@code dataDir} (created if missing).
     *
     * @throws DataDirectoryInUseException when another MoviePeople is running on it
     */
    public static EmbeddedPostgresLauncher start(Path dataDir) throws IOException {
        Path dir = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(dir.resolve("moviepeople.lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new DataDirectoryInUseException(dataDir);
        }
        try {
            Path pgData = dir.resolve("pg");
            stopOrphanedPostmaster(pgData);
            removeStalePidFile(pgData);
            EmbeddedPostgres postgres = startServer(pgData, 0);
            log.info("Embedded PostgreSQL running on port {} with data in {}", postgres.getPort(), pgData);
            return new EmbeddedPostgresLauncher(dir, channel, lock, postgres);
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
    }

    private static EmbeddedPostgres startServer(Path pgData, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData.toFile())
                .setCleanDataDirectory(false)
                // -c options come after zonky's -F on the command line, so these win.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setPGStartupWait(Duration.ofSeconds(60))
                // zonky's own JVM shutdown hook would stop PostgreSQL at once on SIGTERM, in parallel
                // with Spring's, under the requests still finishing. The application context
                // closes the launcher instead, after the web server and the connection pool.
                .setRegisterShutdownHook(false);
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    /**
     * Stops the server but keeps the data directory locked (for the outage test: the app must
     * answer 503 meanwhile and recover by itself).
     */
    synchronized void stopServer() throws IOException {
        postgres.close();
    }

    /** Starts the server again on the same port, as an operator restarting PostgreSQL would. */
    synchronized void restartServer() throws IOException {
        postgres = startServer(dataDir.resolve("pg"), postgres.getPort());
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            lock.release();
            lockChannel.close();
        }
    }

    /**
     * A postmaster left behind by a killed JVM still holds the data directory. We own the
     * MoviePeople lock, so no live MoviePeople uses it: ask it for a fast shutdown (SIGINT)
     * and wait until it is gone.
     */
    static void stopOrphanedPostmaster(Path pgData) throws IOException {
        Optional<Long> pid = postmasterPid(pgData);
        if (pid.isEmpty() || !isPostgresOn(pid.get(), pgData)) {
            return;
        }
        log.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier run", pid.get(), pgData);
        signal(pid.get(), "INT");
        long deadline = System.nanoTime() + ORPHAN_STOP_WAIT.toNanos();
        while (isPostgresOn(pid.get(), pgData)) {
            if (System.nanoTime() > deadline) {
                throw new IOException("PostgreSQL (pid " + pid.get() + ") on " + pgData
                        + " did not stop within " + ORPHAN_STOP_WAIT.toSeconds() + " s");
            }
            sleep(100);
        }
    }

    /**
     * After a crash of postgres itself, {@code postmaster.pid} names a dead process (or, where
     * nothing reaps orphans, a zombie that PostgreSQL's own liveness check mistakes for a running
     * server). Once no process is attached to the old server's shared memory any more, the file
     * is stale: remove it and let PostgreSQL recover from its write-ahead log.
     */
    static void removeStalePidFile(Path pgData) throws IOException {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<Long> pid = postmasterPid(pgData);
        if (pid.isPresent() && isPostgresOn(pid.get(), pgData)) {
            throw new IOException("PostgreSQL (pid " + pid.get() + ") is still running on " + pgData);
        }
        OptionalLong shmId = sharedMemoryId(pidFile);
        long deadline = System.nanoTime() + ORPHAN_STOP_WAIT.toNanos();
        while (shmId.isPresent() && sharedMemoryAttachments(shmId.getAsLong()) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IOException("Processes of a crashed PostgreSQL still use " + pgData
                        + "; stop them (ps -ef | grep postgres) and start again");
            }
            sleep(100);
        }
        log.warn("Removing {} left by a crashed PostgreSQL; it will recover from its write-ahead log", pidFile);
        Files.deleteIfExists(pidFile);
    }

    /** Line 7 of postmaster.pid: "shmem key, shmem id" of the System V segment used as interlock. */
    private static OptionalLong sharedMemoryId(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.size() >= 7) {
                String[] parts = lines.get(6).trim().split("\\s+");
                if (parts.length == 2) {
                    return OptionalLong.of(Long.parseLong(parts[1]));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no usable id: nothing to wait for
        }
        return OptionalLong.empty();
    }

    /** nattch of a System V shared memory segment from /proc/sysvipc/shm; 0 when gone or unknown. */
    private static long sharedMemoryAttachments(long shmId) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/sysvipc/shm"), StandardCharsets.UTF_8)) {
                String[] cols = line.trim().split("\\s+");
                if (cols.length > 6 && cols[1].equals(Long.toString(shmId))) {
                    return Long.parseLong(cols[6]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no procfs: PostgreSQL's own check remains
        }
        return 0;
    }

    static Optional<Long> postmasterPid(Path pgData) {
        Path pidFile = pgData.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * A killed process stays a zombie for a moment, so "the pid exists" proves nothing: its
     * command line must name postgres and this data directory (a zombie's is empty).
     */
    static boolean isPostgresOn(long pid, Path pgData) {
        Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
        if (!Files.exists(cmdline)) {
            // No procfs (macOS, Windows): fall back to asking the OS about the process.
            return !Files.isDirectory(Path.of("/proc", "self"))
                    && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        try {
            String command = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ');
            return command.contains("postgres") && command.contains(pgData.toString());
        } catch (IOException e) {
            return false;
        }
    }

    private static void signal(long pid, String signal) throws IOException {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            kill.waitFor();
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while stopping PostgreSQL", e);
        }
    }

    private static void sleep(long millis) throws IOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for PostgreSQL to stop", e);
        }
    }
}
