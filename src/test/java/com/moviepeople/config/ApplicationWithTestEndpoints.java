package com.moviepeople.config;

import com.moviepeople.MoviePeopleApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The production application plus two endpoints that exist only in tests, started in a child JVM
 * by {@link ChildJvm}: {@code main} is {@link MoviePeopleApplication#main} with one more source,
 * so the child has the same shutdown hook, logging and configuration as production.
 * (Test configurations are never picked up by component scanning, hence the explicit source.)
 */
public final class ApplicationWithTestEndpoints {

    static final String SLOW_PATH = "/people/test-slow";
    static final String FAILING_PATH = "/people/test-failure";
    static final String SLOW_STARTED = "Slow test request started";
    static final int SLOW_BODY_LENGTH = 200_000;
    static final String SLOW_BODY_END = "<end of slow response>";

    private ApplicationWithTestEndpoints() {
    }

    public static void main(String[] args) {
        new SpringApplication(MoviePeopleApplication.class, TestEndpoints.class).run(args);
    }

    /** Public paths ({@code GET /people/*}), so no login is needed. */
    @TestConfiguration(proxyBeanMethods = false)
    @RestController
    static class TestEndpoints {

        private static final Logger log = LoggerFactory.getLogger(TestEndpoints.class);
        private final JdbcTemplate jdbc;

        TestEndpoints(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        /**
         * A request that is still running when shutdown starts: it waits two seconds inside
         * PostgreSQL, as a slow query would, then answers with a body far larger than the
         * response buffer.
         */
        @GetMapping(SLOW_PATH)
        String slow() {
            log.info(SLOW_STARTED);
            jdbc.execute("select pg_sleep(2)");
            Long migrations = jdbc.queryForObject("select count(*) from flyway_schema_history", Long.class);
            String head = "migrations=" + migrations + "\n";
            return head + "x".repeat(SLOW_BODY_LENGTH - head.length() - SLOW_BODY_END.length()) + SLOW_BODY_END;
        }

        /** A bug: an exception nothing handles. */
        @GetMapping(FAILING_PATH)
        String fail() {
            throw new IllegalStateException("a bug in a test endpoint");
        }
    }
}
