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
 * Decides which database the app uses, before any bean exists:
 * <ol>
 *   <li>{@code spring.datasource.url} (e.g. {@code SPRING_DATASOURCE_URL}) wins;</li>
 *   <li>else a Heroku-style {@code DATABASE_URL} is translated into the {@code spring.datasource.*} keys;</li>
 *   <li>else the embedded PostgreSQL is used ({@code moviepeople.database.embedded=true}).</li>
 * </ol>
 * It also gives {@code moviepeople.demo-data} its default: on for the embedded database, off otherwise.
 */
class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String EMBEDDED = "moviepeople.database.embedded";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> decided = new HashMap<>();
        String url = environment.getProperty("spring.datasource.url");
        if (!StringUtils.hasText(url)) {
            String databaseUrl = environment.getProperty("DATABASE_URL");
            if (StringUtils.hasText(databaseUrl)) {
                DatabaseUrl parsed = DatabaseUrl.parse(databaseUrl);
                decided.put("spring.datasource.url", parsed.jdbcUrl());
                if (parsed.username() != null) {
                    decided.put("spring.datasource.username", parsed.username());
                }
                if (parsed.password() != null) {
                    decided.put("spring.datasource.password", parsed.password());
                }
                url = parsed.jdbcUrl();
            }
        }
        boolean embedded = !StringUtils.hasText(url);
        decided.put(EMBEDDED, Boolean.toString(embedded));
        if (!decided.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource("moviepeopleDatabase", decided));
        }
        Map<String, Object> defaults = Map.of("moviepeople.demo-data", Boolean.toString(embedded));
        environment.getPropertySources().addLast(new MapPropertySource("moviepeopleDefaults", defaults));
    }

    @Override
    public int getOrder() {
        // After the config files and the OS environment have been read.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
