package com.moviepeople.config;

import com.moviepeople.MoviePeopleApplication;
import com.moviepeople.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's generator command, run as documented: a JVM of its own with
 * {@code --moviepeople.generate.members=N --moviepeople.generate.password=…}, no web server, on the
 * embedded database (a data directory) and on an external one ({@code DATABASE_URL}); it must
 * exit 0 and name the most-connected member. (The in-suite generator test runs inside a web
 * context, so it never saw a bean that only a web run has.)
 */
class GeneratorCommandIntegrationTests {

    private static final String PASSWORD = "generated-password";

    private static void assertGenerates(ChildJvm generator) throws InterruptedException {
        int exit = generator.awaitExit(Duration.ofMinutes(3));
        assertThat(exit).as(generator.output()).isZero();
        assertThat(generator.stdout()).as(generator.output()).anyMatch(line -> line.matches(".*most-connected: gen\\d+.*"));
    }

    @Test
    void generatesIntoTheEmbeddedDatabaseAndExits(@TempDir Path dir) throws Exception {
        try (ChildJvm generator = ChildJvm.run(dir, Map.of(), MoviePeopleApplication.class.getName(),
                "--moviepeople.data-dir=" + dir.resolve("bench-data"), "--moviepeople.generate.members=60",
                "--moviepeople.generate.password=" + PASSWORD)) {
            assertGenerates(generator);
        }
    }

    @Test
    void generatesIntoAnExternalDatabaseGivenAsDatabaseUrl(@TempDir Path dir) throws Exception {
        String database = "generator_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
        try (Connection admin = DriverManager.getConnection(TestDatabase.jdbcUrl(), "postgres", "")) {
            admin.createStatement().execute("create database " + database);
        }
        URI server = URI.create(TestDatabase.jdbcUrl().substring("jdbc:".length()));
        String databaseUrl = "postgres://postgres:@" + server.getHost() + ":" + server.getPort() + "/" + database;
        try (ChildJvm generator = ChildJvm.run(dir, Map.of("DATABASE_URL", databaseUrl), MoviePeopleApplication.class.getName(),
                "--moviepeople.generate.members=60", "--moviepeople.generate.password=" + PASSWORD)) {
            assertGenerates(generator);
        }
        try (Connection generated = DriverManager.getConnection(
                "jdbc:postgresql://" + server.getHost() + ":" + server.getPort() + "/" + database, "postgres", "")) {
            var rows = generated.createStatement().executeQuery("select count(*) from member where username like 'gen%'");
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(60);
        }
    }
}
