package com.moviepeople;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real streaming replica of the test PostgreSQL ({@link TestDatabase}), started once per test JVM
 * and only by the tests that ask for it. The embedded binaries have no {@code pg_basebackup}, so it
 * is made with PostgreSQL's low-level base backup: {@code pg_backup_start} on the primary, a copy of
 * its data directory (without {@code postmaster.pid}, {@code postmaster.opts} and the WAL),
 * {@code pg_backup_stop} with the {@code backup_label} it returns, then {@code standby.signal} and
 * {@code primary_conninfo}, started with the primary's own binaries. A physical replication slot
 * keeps the WAL it needs while it is stopped.
 */
public final class TestReplica {

    private static final String SLOT = "moviepeople_test_replica";

    private static Path dataDir;
    private static Path postgresBinary;
    private static int port;
    private static Process process;

    private TestReplica() {
    }

    /** The replica's JDBC URL (user {@code postgres}, no password), starting it on first use. */
    public static synchronized String jdbcUrl() {
        if (dataDir == null) {
            try {
                create();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not make the test replica", e);
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException("Could not make the test replica", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestReplica::stopQuietly));
        }
        return url(port);
    }

    private static String url(int port) {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    private static Connection primary() throws SQLException {
        return DriverManager.getConnection(TestDatabase.jdbcUrl(), "postgres", "");
    }

    /** A direct connection to the replica (superuser), e.g. to pause its replay. */
    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl());
    }

    private static void create() throws IOException, SQLException, InterruptedException {
        Path primaryDir;
        List<String> settings = new ArrayList<>();
        try (Connection primary = primary(); Statement statement = primary.createStatement()) {
            primaryDir = Path.of(single(statement, "show data_directory"));
            if (!"replica".equals(single(statement, "show wal_level")) && !"logical".equals(single(statement, "show wal_level"))) {
                throw new IllegalStateException("The test PostgreSQL needs wal_level=replica");
            }
            // A hot standby needs these at least as high as on its primary.
            for (String name : List.of("max_connections", "max_worker_processes", "max_wal_senders",
                    "max_prepared_transactions", "max_locks_per_transaction")) {
                settings.add("-c");
                settings.add(name + "=" + single(statement, "show " + name));
            }
            long pid = Long.parseLong(Files.readAllLines(primaryDir.resolve("postmaster.pid")).get(0).trim());
            postgresBinary = Files.readSymbolicLink(Path.of("/proc/" + pid + "/exe"));
            Path hba = primaryDir.resolve("pg_hba.conf");
            if (!Files.readString(hba).contains("host replication all 127.0.0.1/32 trust")) {
                Files.writeString(hba, "\nhost replication all 127.0.0.1/32 trust\nhost replication all ::1/128 trust\n",
                        StandardOpenOption.APPEND);
                statement.execute("select pg_reload_conf()");
            }
            statement.execute("select pg_create_physical_replication_slot('" + SLOT + "', true) "
                    + "where not exists (select 1 from pg_replication_slots where slot_name = '" + SLOT + "')");
        }
        dataDir = Files.createTempDirectory("moviepeople-replica-");
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        // The low-level backup: one session from start to stop.
        try (Connection primary = primary(); Statement statement = primary.createStatement()) {
            statement.execute("select pg_backup_start('moviepeople test replica', true)");
            copy(primaryDir, dataDir);
            try (ResultSet stop = statement.executeQuery("select labelfile, spcmapfile from pg_backup_stop(false)")) {
                stop.next();
                Files.writeString(dataDir.resolve("backup_label"), stop.getString(1));
                String map = stop.getString(2);
                if (map != null && !map.isEmpty()) {
                    Files.writeString(dataDir.resolve("tablespace_map"), map);
                }
            }
        }
        Files.createFile(dataDir.resolve("standby.signal"));
        int primaryPort = Integer.parseInt(TestDatabase.jdbcUrl().replaceAll(".*://[^:/]+:(\\d+)/.*", "$1"));
        Files.writeString(dataDir.resolve("postgresql.auto.conf"), "\nprimary_conninfo = 'host=localhost port=" + primaryPort
                + " user=postgres application_name=moviepeople_test_replica'\nprimary_slot_name = '" + SLOT + "'\n",
                StandardOpenOption.APPEND);
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        extraSettings = settings;
        start();
    }

    private static List<String> extraSettings;

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getString(1);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = from.relativize(file);
                String first = relative.getNameCount() == 0 ? "" : relative.getName(0).toString();
                String name = relative.toString();
                if (name.equals("postmaster.pid") || name.equals("postmaster.opts") || name.equals("epg-lock")
                        || (first.equals("pg_wal") || first.equals("pg_replslot")) && relative.getNameCount() > 1) {
                    continue;
                }
                Path target = to.resolve(relative);
                try {
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                } catch (java.nio.file.NoSuchFileException gone) {
                    // Files come and go in a running cluster (temporary files); the WAL replay restores what matters.
                }
            }
        }
        Files.createDirectories(to.resolve("pg_wal/archive_status"));
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwx------"));
    }

    /** Starts the replica (again) on its data directory and waits until it answers as a standby. */
    public static synchronized void start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses to run as root; as zonky does, run it in a new user namespace.
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(postgresBinary.toString(), "-D", dataDir.toString(), "-p", Integer.toString(port),
                "-c", "listen_addresses=localhost", "-c", "unix_socket_directories=", "-c", "fsync=off",
                "-c", "hot_standby=on"));
        command.addAll(extraSettings);
        // A watchdog beside it ends it when this JVM ends, however it ends (even kill -9), so that no
        // replica outlives the test run; exec keeps the postmaster's pid as the process's.
        String script = "(while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null; do sleep 1; done; "
                + "kill -INT $(head -n 1 " + dataDir.resolve("postmaster.pid") + ") 2>/dev/null) </dev/null >/dev/null 2>&1 &\n"
                + "exec " + String.join(" ", command);
        process = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile())).start();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try (Connection replica = DriverManager.getConnection(url(port)); Statement statement = replica.createStatement()) {
                if ("t".equals(single(statement, "select pg_is_in_recovery()"))) {
                    return;
                }
            } catch (SQLException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The test replica did not start; see " + dataDir + ".log");
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The test replica did not answer within a minute", notYet);
                }
            }
            Thread.sleep(100);
        }
    }

    /** Stops the replica as an administrator would (fast shutdown: open sessions are ended). */
    public static synchronized void stop() throws IOException, InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** At the JVM's end: stop it and remove its throw-away data directory and log. */
    private static void stopQuietly() {
        try {
            stop();
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            }
            Files.deleteIfExists(dataDir.resolveSibling(dataDir.getFileName() + ".log"));
        } catch (IOException | InterruptedException | RuntimeException e) {
            // The JVM is ending anyway; the watchdog stops the replica if this could not.
        }
    }

    /** Pauses or resumes the replica's WAL replay: it keeps receiving WAL but applies none, so it falls behind. */
    public static void pauseReplay(boolean paused) throws SQLException {
        try (Connection replica = connect(); Statement statement = replica.createStatement()) {
            statement.execute(paused ? "select pg_wal_replay_pause()" : "select pg_wal_replay_resume()");
        }
    }
}
