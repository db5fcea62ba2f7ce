package com.moviepeople.config;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

import java.util.Arrays;

/**
 * Starting without any database while the embedded one is off (the {@code prod} profile, or
 * {@code moviepeople.embedded-database.enabled=false}) fails in Spring Boot's DataSource set-up,
 * whose own advice is to put H2 or Derby on the classpath. This says what MoviePeople needs instead.
 */
class NoDatabaseFailureAnalyzer implements FailureAnalyzer, Ordered {

    private final Environment environment;

    NoDatabaseFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        // Boot's exception type is package-private, and wrapped in other bean creation failures.
        Throwable cause = failure;
        while (cause != null && !cause.getClass().getName().endsWith("DataSourceProperties$DataSourceBeanCreationException")) {
            cause = cause.getCause();
        }
        if (cause == null) {
            return null;
        }
        String profiles = Arrays.toString(environment.getActiveProfiles());
        return new FailureAnalysis(
                "No database is configured, and the embedded PostgreSQL is switched off (active profiles: " + profiles + ").",
                "Set DATABASE_URL (e.g. postgres://user:password@host:5432/moviepeople?sslmode=require) or "
                        + "SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD; see docs/deploy.md. "
                        + "To run on the embedded database in ./data instead, start without the prod profile.",
                cause);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
