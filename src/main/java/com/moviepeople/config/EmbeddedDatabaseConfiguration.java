package com.moviepeople.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Path;

/**
 * With no database configured, MoviePeople runs its own PostgreSQL on {@code moviepeople.data-dir}.
 * It starts before the connection pool and stops after it, with the application context.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresLauncher embeddedPostgres(@Value("${moviepeople.data-dir:./data}") Path dataDir) throws IOException {
        return EmbeddedPostgresLauncher.start(dataDir);
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresLauncher postgres) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.postgresql.Driver")
                .url(postgres.jdbcUrl())
                .username("postgres")
                .password("")
                .build();
    }
}
