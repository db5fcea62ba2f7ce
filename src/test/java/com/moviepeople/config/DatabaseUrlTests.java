package com.moviepeople.config;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseUrlTests {

    @Test
    void translatesHerokuStyleUrlsWithSslMode() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://film:s%40cret@db.example.com:6543/moviepeople?sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/moviepeople?sslmode=require");
        assertThat(url.username()).isEqualTo("film");
        assertThat(url.password()).isEqualTo("s@cret");
    }

    @Test
    void acceptsPostgresqlSchemeWithoutPortOrCredentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://localhost/mp");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/mp");
        assertThat(url.username()).isNull();
        assertThat(url.password()).isNull();
    }

    @Test
    void refusesOtherSchemesWithoutEchoingSecrets() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://u:topsecret@host/db"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://u:p@/db")).isInstanceOf(IllegalArgumentException.class);
    }
}
