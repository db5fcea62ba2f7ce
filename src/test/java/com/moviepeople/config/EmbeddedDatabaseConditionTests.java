package com.moviepeople.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** Which database the app uses is decided by configuration alone; production never starts the embedded one. */
class EmbeddedDatabaseConditionTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(EmbeddedDatabaseConfiguration.class);

    @Test
    void anExternalUrlMeansNoEmbeddedDatabase() {
        runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example.com/mp")
                .run(context -> assertThat(context).doesNotHaveBean(EmbeddedPostgresLauncher.class));
    }

    @Test
    void theProductionProfileNeverStartsTheEmbeddedDatabase() {
        runner.withPropertyValues("moviepeople.embedded-database.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(EmbeddedPostgresLauncher.class));
    }

    @Test
    void databaseUrlIsTranslatedBeforeTheDecision() {
        var environment = new org.springframework.mock.env.MockEnvironment()
                .withProperty("DATABASE_URL", "postgres://u:p@db.example.com:5432/mp?sslmode=require");
        new DatabaseUrlEnvironmentPostProcessor().postProcessEnvironment(environment, null);
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.example.com:5432/mp?sslmode=require");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("u");
    }

    @Test
    void springDatasourceUrlWinsOverDatabaseUrl() {
        var environment = new org.springframework.mock.env.MockEnvironment()
                .withProperty("DATABASE_URL", "postgres://u:p@heroku/mp")
                .withProperty("spring.datasource.url", "jdbc:postgresql://explicit/mp");
        new DatabaseUrlEnvironmentPostProcessor().postProcessEnvironment(environment, null);
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://explicit/mp");
    }
}
