package com.moviepeople.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded database holds real data: restarts, crashes and double starts must not lose or corrupt it. */
class EmbeddedPostgresLauncherTests {

    @TempDir
    Path dataDir;

    private static void execute(EmbeddedPostgresLauncher db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static List<String> values(EmbeddedPostgresLauncher db) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select value from acknowledged order by value")) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static String setting(EmbeddedPostgresLauncher db, String name) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void keepsDataAcrossRestartsAndRunsCrashSafe() throws Exception {
        try (EmbeddedPostgresLauncher db = EmbeddedPostgresLauncher.start(dataDir)) {
            assertThat(setting(db, "fsync")).isEqualTo("on");
            assertThat(setting(db, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(db, "full_page_writes")).isEqualTo("on");
            execute(db, "create table acknowledged(value text)");
            execute(db, "insert into acknowledged values ('before restart')");
        }
        assertThat(dataDir.resolve("pg/postmaster.pid")).doesNotExist();
        try (EmbeddedPostgresLauncher db = EmbeddedPostgresLauncher.start(dataDir)) {
            assertThat(values(db)).containsExactly("before restart");
        }
    }

    @Test
    void refusesASecondStartOnTheSameDirectoryWithAClearMessage() throws Exception {
        try (EmbeddedPostgresLauncher db = EmbeddedPostgresLauncher.start(dataDir)) {
            execute(db, "create table acknowledged(value text)");
            assertThatThrownBy(() -> EmbeddedPostgresLauncher.start(dataDir))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessage("MoviePeople is already running on " + dataDir);
            // The first one is untouched and still serves.
            execute(db, "insert into acknowledged values ('still running')");
            assertThat(values(db)).containsExactly("still running");
        }
    }

    @Test
    void stopsThePostgresOrphanedByAKilledJvmAndStartsNormally() throws Exception {
        long postmaster = startChildAndKillIt("orphan-survivor");
        assertThat(EmbeddedPostgresLauncher.isPostgresOn(postmaster, dataDir.resolve("pg")))
                .as("the orphaned postgres keeps running after its JVM died").isTrue();
        try (EmbeddedPostgresLauncher db = EmbeddedPostgresLauncher.start(dataDir)) {
            assertThat(values(db)).containsExactly("orphan-survivor");
            assertThat(EmbeddedPostgresLauncher.isPostgresOn(postmaster, dataDir.resolve("pg"))).isFalse();
        }
    }

    @Test
    void recoversWithoutLosingAcknowledgedWritesWhenJvmAndPostgresWereBothKilled() throws Exception {
        long postmaster = startChildAndKillIt("acknowledged-before-crash");
        new ProcessBuilder("kill", "-KILL", Long.toString(postmaster)).start().waitFor(10, TimeUnit.SECONDS);
        long deadline = System.currentTimeMillis() + 20_000;
        while (EmbeddedPostgresLauncher.isPostgresOn(postmaster, dataDir.resolve("pg")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertThat(dataDir.resolve("pg/postmaster.pid")).as("a crash leaves the pid file behind").exists();
        try (EmbeddedPostgresLauncher db = EmbeddedPostgresLauncher.start(dataDir)) {
            assertThat(values(db)).containsExactly("acknowledged-before-crash");
        }
    }

    /** Starts the database in a child JVM, waits until it committed a row, kills the JVM with SIGKILL. */
    private long startChildAndKillIt(String value) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OrphanedPostgresMain.class.getName(), dataDir.toString(), value)
                .redirectErrorStream(true).start();
        long postmaster = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("READY ")) {
                    postmaster = Long.parseLong(line.substring(6).trim());
                    break;
                }
            }
            child.destroyForcibly();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(postmaster).as("child JVM started the database").isPositive();
        return postmaster;
    }
}
