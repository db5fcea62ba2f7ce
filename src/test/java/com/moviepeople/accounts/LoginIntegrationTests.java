package com.moviepeople.accounts;

import com.moviepeople.IntegrationTest;
import com.moviepeople.shared.CurrentMember;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class LoginIntegrationTests extends IntegrationTest {

    @Test
    void logsInByUsernameInAnyCase() throws Exception {
        CurrentMember me = newMember("byname");
        mvc.perform(post("/login").with(csrf()).param("username", me.username().toUpperCase()).param("password", PASSWORD))
                .andExpect(redirectedUrl("/feed"))
                .andExpect(authenticated().withUsername(me.username()));
    }

    @Test
    void logsInByEmailInAnyCase() throws Exception {
        CurrentMember me = newMember("bymail");
        mvc.perform(post("/login").with(csrf()).param("username", " " + me.username().toUpperCase() + "@EXAMPLE.com").param("password", PASSWORD))
                .andExpect(redirectedUrl("/feed"))
                .andExpect(authenticated().withUsername(me.username()));
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() throws Exception {
        CurrentMember me = newMember("wrong");
        MvcResult wrongPassword = mvc.perform(post("/login").with(csrf()).param("username", me.username()).param("password", "not the password"))
                .andExpect(redirectedUrl("/login?error")).andExpect(unauthenticated()).andReturn();
        MvcResult unknownUser = mvc.perform(post("/login").with(csrf()).param("username", "nobody-" + me.username()).param("password", "not the password"))
                .andExpect(redirectedUrl("/login?error")).andExpect(unauthenticated()).andReturn();
        assertThat(wrongPassword.getResponse().getStatus()).isEqualTo(unknownUser.getResponse().getStatus());
        mvc.perform(get("/login?error"))
                .andExpect(content().string(containsString("That username or e-mail and password do not match")));
    }

    @Test
    void passwordIsCaseSensitive() throws Exception {
        CurrentMember me = newMember("case");
        mvc.perform(post("/login").with(csrf()).param("username", me.username()).param("password", PASSWORD.toUpperCase()))
                .andExpect(redirectedUrl("/login?error")).andExpect(unauthenticated());
    }

    @Test
    void refusesLoginWithoutCsrfToken() throws Exception {
        CurrentMember me = newMember("csrf");
        mvc.perform(post("/login").param("username", me.username()).param("password", PASSWORD))
                .andExpect(status().isForbidden()).andExpect(unauthenticated());
    }

    @Test
    void rememberMeIssuesAPersistentTokenThatLogsInWithoutASession() throws Exception {
        CurrentMember me = newMember("remember");
        MvcResult login = mvc.perform(post("/login").with(csrf()).param("username", me.username())
                        .param("password", PASSWORD).param("remember-me", "on"))
                .andExpect(cookie().exists("remember-me"))
                .andExpect(cookie().maxAge("remember-me", 30 * 24 * 3600))
                .andReturn();
        assertThat(jdbc.queryForObject("select count(*) from persistent_logins where username = ?", Integer.class, me.username())).isOne();
        Cookie rememberMe = login.getResponse().getCookie("remember-me");
        mvc.perform(get("/feed").cookie(rememberMe))
                .andExpect(status().isOk())
                .andExpect(authenticated().withUsername(me.username()));
    }

    @Test
    void withoutRememberMeNoCookieIsIssued() throws Exception {
        CurrentMember me = newMember("noremember");
        mvc.perform(post("/login").with(csrf()).param("username", me.username()).param("password", PASSWORD))
                .andExpect(cookie().doesNotExist("remember-me"));
    }

    @Test
    void logoutEndsTheSessionAndForgetsRememberMe() throws Exception {
        CurrentMember me = newMember("logout");
        mvc.perform(post("/login").with(csrf()).param("username", me.username()).param("password", PASSWORD).param("remember-me", "on"));
        mvc.perform(post("/logout").with(user(me)).with(csrf()))
                .andExpect(redirectedUrl("/login?logout"))
                .andExpect(unauthenticated())
                .andExpect(cookie().maxAge("remember-me", 0));
        assertThat(jdbc.queryForObject("select count(*) from persistent_logins where username = ?", Integer.class, me.username())).isZero();
        mvc.perform(get("/login?logout")).andExpect(content().string(containsString("You have been logged out")));
    }

    @Test
    void logoutNeedsAPost() throws Exception {
        CurrentMember me = newMember("getlogout");
        mvc.perform(get("/logout").with(user(me))).andExpect(authenticated());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/feed", "/profile/edit", "/connections", "/messages", "/search"})
    void protectedPagesSendVisitorsToLogin(String path) throws Exception {
        mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/feed", "/profile/edit", "/connections", "/messages", "/search"})
    void protectedPagesShowTheNavigationToMembers(String path) throws Exception {
        CurrentMember me = newMember("nav");
        mvc.perform(get(path).with(user(me)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-unread-messages=\"0\"")))
                .andExpect(content().string(containsString("data-pending-requests=\"0\"")))
                .andExpect(content().string(containsString("action=\"/logout\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString("href=\"/people/" + me.username() + "\"")));
    }

    @Test
    void countsTheStatementsAPageRuns() throws Exception {
        CurrentMember me = newMember("counted");
        queries.reset();
        mvc.perform(get("/connections").with(user(me))).andExpect(status().isOk());
        long placeholderPage = queries.count();
        queries.reset();
        accounts.findById(me.id());
        assertThat(queries.count()).as("the counter sees this thread's statements").isEqualTo(1);
        assertThat(placeholderPage).isLessThan(10);
    }

    @Test
    void landingPageForVisitorsFeedForMembers() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/signup\"")))
                .andExpect(content().string(containsString("href=\"/login\"")));
        mvc.perform(get("/").with(user(newMember("home")))).andExpect(redirectedUrl("/feed"));
    }
}
