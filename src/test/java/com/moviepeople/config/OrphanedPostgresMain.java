package com.moviepeople.config;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Run in a child JVM by {@link EmbeddedPostgresLauncherTests}: starts the embedded database on
 * the given directory, commits one row, says READY and waits to be killed with SIGKILL, as a
 * killed {@code mvn spring-boot:run} would be.
 */
public final class OrphanedPostgresMain {

    public static void main(String[] args) throws Exception {
        EmbeddedPostgresLauncher launcher = EmbeddedPostgresLauncher.start(Path.of(args[0]));
        try (Connection c = DriverManager.getConnection(launcher.jdbcUrl(), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("create table if not exists acknowledged(value text not null)");
            s.execute("insert into acknowledged values ('" + args[1] + "')");
        }
        System.out.println("READY " + EmbeddedPostgresLauncher.postmasterPid(launcher.dataDir().resolve("pg")).orElseThrow());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
