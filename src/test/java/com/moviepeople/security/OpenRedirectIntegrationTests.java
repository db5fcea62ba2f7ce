package com.moviepeople.security;

import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Open redirects: the login's "continue to" (Spring Security's saved request) and every
 * {@code returnTo} parameter only ever lead to a path on this site.
 */
class OpenRedirectIntegrationTests extends AttackTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "http://evil.example", "//evil.example", "///evil.example", "/\\evil.example",
            "\\\\evil.example", "/\\/evil.example", "\\/evil.example", "http:/evil.example", "https:evil.example", "javascript:alert(1)",
            "data:text/html,hi", " //evil.example", "\t//evil.example", "/feed\r\nSet-Cookie: a=b", "/feed\nLocation: //evil.example",
            "//evil.example/%2F..", "/@evil.example", "evil.example", "%2F%2Fevil.example", ""})
    void connectionFormsReturnOnlyToLocalPaths(String returnTo) throws Exception {
        CurrentMember anna = newMember("anna");
        CurrentMember ben = newMember("ben");
        String location = mvc.perform(post("/connections/request/" + ben.username()).with(user(anna)).with(csrf())
                .param("returnTo", returnTo)).andReturn().getResponse().getRedirectedUrl();
        assertLocal(location);
        long id = jdbc.queryForObject("select id from connection where requester_id = ?", Long.class, anna.id());
        assertLocal(mvc.perform(post("/connections/" + id + "/accept").with(user(ben)).with(csrf()).param("returnTo", returnTo))
                .andReturn().getResponse().getRedirectedUrl());
        assertLocal(mvc.perform(post("/connections/" + id + "/remove").with(user(ben)).with(csrf()).param("returnTo", returnTo))
                .andReturn().getResponse().getRedirectedUrl());
        assertLocal(mvc.perform(post("/people/" + ben.username() + "/unblock").with(user(anna)).with(csrf()).param("returnTo", returnTo))
                .andReturn().getResponse().getRedirectedUrl());
    }

    @Test
    void aLocalReturnToIsHonoured() throws Exception {
        CurrentMember anna = newMember("anna");
        CurrentMember ben = newMember("ben");
        assertThat(mvc.perform(post("/connections/request/" + ben.username()).with(user(anna)).with(csrf())
                .param("returnTo", "/search?q=ben")).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/search?q=ben");
    }

    @ParameterizedTest
    @ValueSource(strings = {"continue", "redirect", "returnTo", "return_to", "next", "targetUrl", "spring-security-redirect", "url"})
    void loginIgnoresRedirectParameters(String parameter) throws Exception {
        CurrentMember me = newMember("login");
        String location = mvc.perform(post("/login").with(csrf()).param("username", me.username()).param("password", PASSWORD)
                .param(parameter, "https://evil.example/")).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).isEqualTo("/feed");
        assertThat(mvc.perform(get("/login").param(parameter, "https://evil.example/")).andReturn().getResponse()
                .getContentAsString()).doesNotContain("evil.example");
    }

    @Test
    void theSavedRequestOnlyEverPointsBackToThisSite() throws Exception {
        CurrentMember me = newMember("saved");
        // The page to return to is kept in a cookie (no session for anonymous visitors): the browser carries it.
        jakarta.servlet.http.Cookie[] cookies = mvc.perform(get("/messages").param("continue", "https://evil.example/"))
                .andReturn().getResponse().getCookies();
        assertThat(cookies).extracting(jakarta.servlet.http.Cookie::getName).contains("REDIRECT_URI").doesNotContain("SESSION");
        String location = mvc.perform(post("/login").cookie(cookies).with(csrf()).param("username", me.username()).param("password", PASSWORD))
                .andReturn().getResponse().getRedirectedUrl();
        URI target = URI.create(location);
        assertThat(target.getHost()).isEqualTo("localhost");
        assertThat(target.getPath()).isEqualTo("/messages");
        assertThat(location).doesNotContain("evil.example/");
    }

    private static void assertLocal(String location) {
        assertThat(location).isNotNull().startsWith("/").doesNotStartWith("//").doesNotStartWith("/\\")
                .doesNotContain("\r").doesNotContain("\n").doesNotContain("evil.example").doesNotContain("\\");
    }
}
