package com.moviepeople;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One real PostgreSQL per test JVM, on a fresh temporary directory (fsync off is fine for
 * throw-away test data). Every Spring test context of the suite connects to it.
 */
public final class TestDatabase {

    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    public static synchronized String jdbcUrl() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "300")
                        // As in production (zonky turns it off for tests): SessionStoreIntegrationTests tells the two apart.
                        .setServerConfig("synchronous_commit", "on").start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the test PostgreSQL", e);
            }
        }
        return postgres.getJdbcUrl("postgres", "postgres");
    }
}
