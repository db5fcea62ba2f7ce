package com.moviepeople.accounts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

    private static final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest
    @ValueSource(strings = {"1234567890", "qwertyuiop", "password123", "PASSWORD123", "iloveyou12", "aaaaaaaaaaaa", "abcdefghijk"})
    void refusesCommonAndGuessablePasswords(String password) {
        assertThat(policy.problemWith(password, "someone", "someone@example.com")).isNotNull();
    }

    @Test
    void refusesTheUsernameAndEmailAsPassword() {
        assertThat(policy.problemWith("cinematographer", "cinematographer", "x@example.com")).isEqualTo(PasswordPolicy.PERSONAL);
        assertThat(policy.problemWith("Anna.Kowalska@example.com", "anna", "anna.kowalska@example.com")).isEqualTo(PasswordPolicy.PERSONAL);
        assertThat(policy.problemWith("anna.kowalska", "anna", "anna.kowalska@example.com")).isEqualTo(PasswordPolicy.PERSONAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"grip truck at dawn again", "a sensible passphrase", "Kamera läuft, Ton läuft — und bitte!",
            "tR7#kq2!vZ", "moviepeople-demo"})
    void acceptsPassphrasesAndRandomPasswordsWithoutCompositionRules(String password) {
        assertThat(policy.problemWith(password, "someone", "someone@example.com")).isNull();
    }

    @Test
    void acceptsAnyCharactersUpToTheMaximumLength() {
        String longOne = "🎬 Szene 1, Klappe 1 — ".repeat(10);
        assertThat(longOne.length()).isLessThanOrEqualTo(PasswordRules.MAX_LENGTH);
        assertThat(policy.problemWith(longOne, "someone", "someone@example.com")).isNull();
    }
}
