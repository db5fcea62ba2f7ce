package com.moviepeople.config;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import java.util.HashMap;
import java.util.Map;

/**
 * Translates a Heroku-style {@code DATABASE_URL} into the {@code spring.datasource.*} keys,
 * unless {@code spring.datasource.url} (e.g. {@code SPRING_DATASOURCE_URL}) is set, which wins;
 * and {@code DATABASE_REPLICA_URL} into {@code moviepeople.datasource.replica.*}, unless
 * {@code moviepeople.datasource.replica.url} is set.
 */
class DatabaseUrlEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        translate(environment, "DATABASE_URL", "spring.datasource", "databaseUrl");
        translate(environment, "DATABASE_REPLICA_URL", "moviepeople.datasource.replica", "databaseReplicaUrl");
    }

    private static void translate(ConfigurableEnvironment environment, String variable, String prefix, String sourceName) {
        if (StringUtils.hasText(environment.getProperty(prefix + ".url"))) {
            return;
        }
        String databaseUrl = environment.getProperty(variable);
        if (!StringUtils.hasText(databaseUrl)) {
            return;
        }
        DatabaseUrl parsed = DatabaseUrl.parse(databaseUrl, variable);
        Map<String, Object> properties = new HashMap<>();
        properties.put(prefix + ".url", parsed.jdbcUrl());
        if (parsed.username() != null) {
            properties.put(prefix + ".username", parsed.username());
        }
        if (parsed.password() != null) {
            properties.put(prefix + ".password", parsed.password());
        }
        environment.getPropertySources().addFirst(new MapPropertySource(sourceName, properties));
    }

    @Override
    public int getOrder() {
        // After the config files and the OS environment have been read.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
