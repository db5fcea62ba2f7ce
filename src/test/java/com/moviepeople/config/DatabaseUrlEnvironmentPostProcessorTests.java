package com.moviepeople.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code DATABASE_URL} and {@code DATABASE_REPLICA_URL} become the JDBC settings, unless those are set. */
class DatabaseUrlEnvironmentPostProcessorTests {

    private static StandardEnvironment environment(Map<String, Object> values) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", values));
        new DatabaseUrlEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void translatesTheReplicaUrlLikeTheDatabaseUrl() {
        StandardEnvironment environment = environment(Map.of(
                "DATABASE_URL", "postgres://app:secret@primary.example:5432/mp",
                "DATABASE_REPLICA_URL", "postgres://reader:other@replica.example:6432/mp?sslmode=require"));
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://primary.example:5432/mp");
        assertThat(environment.getProperty("moviepeople.datasource.replica.url"))
                .isEqualTo("jdbc:postgresql://replica.example:6432/mp?sslmode=require");
        assertThat(environment.getProperty("moviepeople.datasource.replica.username")).isEqualTo("reader");
        assertThat(environment.getProperty("moviepeople.datasource.replica.password")).isEqualTo("other");
    }

    @Test
    void anExplicitReplicaUrlWins() {
        StandardEnvironment environment = environment(Map.of(
                "moviepeople.datasource.replica.url", "jdbc:postgresql://explicit:5432/mp",
                "DATABASE_REPLICA_URL", "postgres://reader:other@replica.example:6432/mp"));
        assertThat(environment.getProperty("moviepeople.datasource.replica.url")).isEqualTo("jdbc:postgresql://explicit:5432/mp");
        assertThat(environment.getProperty("moviepeople.datasource.replica.username")).isNull();
    }

    @Test
    void noReplicaWithoutEitherSetting() {
        assertThat(environment(Map.of()).getProperty("moviepeople.datasource.replica.url")).isNull();
    }
}
