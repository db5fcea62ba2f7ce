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
    void decodesUserAndPasswordAsUrlsDoKeepingPlusSigns() {
        // Heroku's generated passwords may contain "+"; form decoding would turn it into a space.
        DatabaseUrl plus = DatabaseUrl.parse("postgres://u+ser:pa+ss%2Bword@db.example.com:5432/mp");
        assertThat(plus.username()).isEqualTo("u+ser");
        assertThat(plus.password()).isEqualTo("pa+ss+word");
        DatabaseUrl reserved = DatabaseUrl.parse("postgres://team%40film:p%40ss%3Aw%3Ard%20x@db.example.com/mp");
        assertThat(reserved.username()).isEqualTo("team@film");
        assertThat(reserved.password()).isEqualTo("p@ss:w:rd x");
        assertThat(reserved.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com/mp");
        DatabaseUrl colonInPassword = DatabaseUrl.parse("postgres://film:a:b+c@db.example.com/mp");
        assertThat(colonInPassword.username()).isEqualTo("film");
        assertThat(colonInPassword.password()).isEqualTo("a:b+c");
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
