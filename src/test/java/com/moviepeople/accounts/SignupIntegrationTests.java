package com.moviepeople.accounts;

import com.moviepeople.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SignupIntegrationTests extends IntegrationTest {

    @Autowired
    PasswordEncoder passwordEncoder;

    private static MockHttpServletRequestBuilder signup(String username, String email, String password, String displayName) {
        return post("/signup").with(csrf())
                .param("username", username).param("email", email)
                .param("password", password).param("displayName", displayName);
    }

    private ResultActions rejected(MockHttpServletRequestBuilder request, String field, String message) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andExpect(unauthenticated())
                .andExpect(model().attributeHasFieldErrors("signupForm", field))
                .andExpect(content().string(containsString(message)));
    }

    private int membersNamed(String username) {
        return jdbc.queryForObject("select count(*) from member where username = cast(? as citext)", Integer.class, username);
    }

    @Test
    void showsTheSignupForm() throws Exception {
        mvc.perform(get("/signup"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"username\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
    }

    @Test
    void createsAccountLogsInAndGoesToProfileEditing() throws Exception {
        String username = uniqueName("new");
        var result = mvc.perform(signup(username, username + "@example.com", "a sensible passphrase", "New Person"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/profile/edit"))
                .andReturn();
        // Logged in: the new session (kept in PostgreSQL) opens a members-only page.
        mvc.perform(get("/profile/edit").cookie(result.getResponse().getCookie("SESSION")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/people/" + username + "\"")));
        String hash = jdbc.queryForObject("select password_hash from member where username = ?::citext", String.class, username);
        assertThat(hash).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$").doesNotContain("a sensible passphrase");
    }

    @Test
    void storesUsernameLowerCaseAndTrimsInput() throws Exception {
        String username = uniqueName("mixed");
        mvc.perform(signup("  " + username.toUpperCase() + " ", "  " + username + "@Example.com ", "a sensible passphrase", "  Mixed Case  "))
                .andExpect(redirectedUrl("/profile/edit"));
        assertThat(jdbc.queryForMap("select username::text u, email::text e, display_name d from member where username = ?::citext", username))
                .containsEntry("u", username).containsEntry("e", username + "@Example.com").containsEntry("d", "Mixed Case");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "this-username-is-far-too-long-x", "has space", "ümlaut", "semi;colon", "<script>"})
    void rejectsInvalidUsernames(String username) throws Exception {
        rejected(signup(username, uniqueName("u") + "@example.com", "a sensible passphrase", "Someone"), "username", "username");
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "login", "signup", "feed", "search", "messages", "Admin"})
    void rejectsReservedUsernames(String username) throws Exception {
        rejected(signup(username, uniqueName("r") + "@example.com", "a sensible passphrase", "Someone"), "username", "reserved");
        assertThat(membersNamed(username)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-an-email", "two@@example.com", "no-domain@", "@example.com", "spaces in@example.com", "nodot@example"})
    void rejectsInvalidEmails(String email) throws Exception {
        String username = uniqueName("mail");
        rejected(signup(username, email, "a sensible passphrase", "Someone"), "email", "e-mail");
        assertThat(membersNamed(username)).isZero();
    }

    @Test
    void rejectsOverlongFields() throws Exception {
        String username = uniqueName("long");
        rejected(signup(username, "a".repeat(250) + "@example.com", "a sensible passphrase", "Someone"), "email", "at most 254");
        rejected(signup(username, username + "@example.com", "a sensible passphrase", "N".repeat(81)), "displayName", "at most 80");
        rejected(signup(username, username + "@example.com", "p".repeat(257), "Someone"), "password", "10 to 256");
        assertThat(membersNamed(username)).isZero();
    }

    @Test
    void rejectsShortAndBlankPasswordsAndMissingName() throws Exception {
        String username = uniqueName("short");
        rejected(signup(username, username + "@example.com", "123456789", "Someone"), "password", "10 to 256");
        rejected(signup(username, username + "@example.com", "", "Someone"), "password", "Choose a password");
        rejected(signup(username, username + "@example.com", "a sensible passphrase", "   "), "displayName", "Tell people your name");
        assertThat(membersNamed(username)).isZero();
    }

    @Test
    void refusesCommonPasswordsAndTheUsernameAsPassword() throws Exception {
        String username = uniqueName("weak");
        rejected(signup(username, username + "@example.com", "password123", "Someone"), "password", "most common");
        rejected(signup(username, username + "@example.com", username, "Someone"), "password", "must not be your username");
        assertThat(membersNamed(username)).isZero();
    }

    @Test
    void keepsTheOtherFieldsButNeverThePassword() throws Exception {
        String username = uniqueName("keep");
        mvc.perform(signup(username, "broken", "a secret passphrase", "Kept Name"))
                .andExpect(content().string(containsString("value=\"" + username + "\"")))
                .andExpect(content().string(containsString("value=\"Kept Name\"")))
                .andExpect(content().string(containsString("value=\"broken\"")))
                .andExpect(content().string(not(containsString("a secret passphrase"))));
    }

    @Test
    void escapesWhatTheUserTyped() throws Exception {
        mvc.perform(signup(uniqueName("esc"), "x", "a sensible passphrase", "<img src=x onerror=alert(1)>"))
                .andExpect(content().string(not(containsString("<img src=x"))))
                .andExpect(content().string(containsString("&lt;img src=x onerror=alert(1)&gt;")));
    }

    @Test
    void rejectsDuplicateUsernameInAnyCase() throws Exception {
        String username = uniqueName("dup");
        accounts.registerVerified(username, username + "@example.com", PASSWORD, "First");
        rejected(signup(username.toUpperCase(), uniqueName("other") + "@example.com", "a sensible passphrase", "Second"),
                "username", "taken");
        assertThat(membersNamed(username)).isOne();
    }

    @Test
    void rejectsDuplicateEmailInAnyCase() throws Exception {
        String username = uniqueName("dupmail");
        accounts.registerVerified(username, username + "@example.com", PASSWORD, "First");
        String other = uniqueName("other");
        rejected(signup(other, username.toUpperCase() + "@EXAMPLE.COM", "a sensible passphrase", "Second"),
                "email", "already exists");
        assertThat(membersNamed(other)).isZero();
    }

    @Test
    void databaseRefusesCaseVariantDuplicatesEvenWithoutTheJavaCheck() {
        String username = uniqueName("db");
        jdbc.update("insert into member(username, email, password_hash, display_name) values (?, ?, 'x', 'A')",
                username, username + "@example.com");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                        "insert into member(username, email, password_hash, display_name) values (?, ?, 'x', 'B')",
                        username, username.toUpperCase() + "@EXAMPLE.COM"))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    @Test
    void twoSimultaneousSignupsWithTheSameNameCreateOneAccount() throws Exception {
        String username = uniqueName("race");
        int threads = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String email = username + "-" + i + "@example.com";
            String name = i % 2 == 0 ? username : username.toUpperCase();
            Callable<String> attempt = () -> {
                start.await();
                try {
                    accounts.register(new SignupForm(name, email, PASSWORD, "Racer"));
                    return "created";
                } catch (DuplicateAccountException e) {
                    return e.field();
                }
            };
            results.add(pool.submit(attempt));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes).containsOnlyOnce("created").filteredOn(o -> !o.equals("created")).containsOnly("username");
        assertThat(membersNamed(username)).isOne();
    }

    @Test
    void longPassphrasesBeyondBcryptsLimitCountInFull() throws Exception {
        // 90 characters, 100+ bytes: BCrypt would ignore everything after byte 72.
        String passphrase = "ünter dem Pflaster liegt der Strand — und wir drehen dort die letzte Szene bei Sonnenaufgang";
        String username = uniqueName("passphrase");
        mvc.perform(signup(username, username + "@example.com", passphrase, "Long Pass"))
                .andExpect(redirectedUrl("/profile/edit"));
        String hash = jdbc.queryForObject("select password_hash from member where username = ?::citext", String.class, username);
        assertThat(passwordEncoder.matches(passphrase, hash)).isTrue();
        assertThat(passwordEncoder.matches(passphrase.substring(0, 70) + "something else entirely", hash)).isFalse();
        assertThat(passwordEncoder.matches(passphrase.substring(0, passphrase.length() - 1), hash)).isFalse();
    }

    @Test
    void refusesSignupWithoutCsrfToken() throws Exception {
        String username = uniqueName("nocsrf");
        mvc.perform(post("/signup").param("username", username).param("email", username + "@example.com")
                        .param("password", "a sensible passphrase").param("displayName", "No Token"))
                .andExpect(status().isForbidden());
        assertThat(membersNamed(username)).isZero();
    }

    @Test
    void loggedInMembersAreSentToTheirFeed() throws Exception {
        var me = newMember("already");
        mvc.perform(get("/signup").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(me)))
                .andExpect(redirectedUrl("/feed"));
    }
}
