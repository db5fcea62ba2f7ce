package com.moviepeople.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UsernameRulesTests {

    @Test
    void normalizesToTrimmedLowerCase() {
        assertThat(UsernameRules.normalize("  Anna.K ")).isEqualTo("anna.k");
        assertThat(UsernameRules.normalize(null)).isEmpty();
    }

    @Test
    void acceptsTheAllowedCharacters() {
        assertThat(UsernameRules.problemWith("anna")).isNull();
        assertThat(UsernameRules.problemWith("a.b_c-9")).isNull();
        assertThat(UsernameRules.problemWith("x".repeat(30))).isNull();
    }

    @Test
    void refusesLengthCharactersAndReservedNames() {
        assertThat(UsernameRules.problemWith("")).contains("Choose");
        assertThat(UsernameRules.problemWith("ab")).contains("3 to 30");
        assertThat(UsernameRules.problemWith("x".repeat(31))).contains("3 to 30");
        assertThat(UsernameRules.problemWith("anna k")).contains("Use only");
        assertThat(UsernameRules.problemWith("anna/k")).contains("Use only");
        assertThat(UsernameRules.problemWith("admin")).contains("reserved");
        assertThat(UsernameRules.problemWith("settings")).contains("reserved");
    }
}
