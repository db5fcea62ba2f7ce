package com.moviepeople.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Sizes the database connection pool by HikariCP's rule, {@code cores × 2 + 1}, unless
 * {@code spring.datasource.hikari.maximum-pool-size} is set (the read replica's pool follows it).
 *
 * <p>The rule counts the database server's cores; the app's own stand in for them, which is exact
 * for the embedded database and for a server on the same machine. With the database on a server of
 * its own, set the key to that server's cores × 2 + 1. Measured on the 2-core benchmark machine
 * (docs/benchmarks.md, tenth session), 16 concurrent requests, two warmed JVMs interleaved: 5
 * connections served 1 % to 7 % more page views a second than Hikari's default of 10 (profile,
 * feed, inbox; search level), ten backends and their threads no longer contending for two cores.
 */
class PoolSizeEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String KEY = "spring.datasource.hikari.maximum-pool-size";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        // The binder, not containsProperty: it knows every spelling (SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE too).
        if (org.springframework.boot.context.properties.bind.Binder.get(environment).bind(KEY, Integer.class).isBound()) {
            return;
        }
        // Last: below every other source, so any setting of the key (file, environment, argument) wins.
        environment.getPropertySources().addLast(new MapPropertySource("moviepeoplePoolSize",
                Map.of(KEY, poolSizeFor(Runtime.getRuntime().availableProcessors()))));
    }

    /** HikariCP's "connections = (core count × 2) + effective spindle count", with one spindle. */
    static int poolSizeFor(int cores) {
        return Math.max(1, cores) * 2 + 1;
    }

    @Override
    public int getOrder() {
        // After the config files and the OS environment have been read.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
