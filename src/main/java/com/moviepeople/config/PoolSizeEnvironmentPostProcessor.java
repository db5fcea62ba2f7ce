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
 * for the embedded database and for a server on the same machine. Measured on the 2-core benchmark
 * machine (docs/benchmarks.md, tenth session): with Hikari's default of 10, ten PostgreSQL
 * backends and their request threads contend for two cores, and the profile page served 16 %
 * fewer requests a second than with 5 (about 1,800 against 2,100 at 16 concurrent requests); a
 * request waits for a connection for a fraction of a millisecond instead. With the database on a
 * server of its own, set the key to that server's cores × 2 + 1.
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
