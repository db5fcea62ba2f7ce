package com.moviepeople.security;

import com.moviepeople.shared.CurrentMember;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Sessions: "log out everywhere", the idle timeout, and the remember-me cookie's attributes. */
class SessionSecurityIntegrationTests extends AttackTest {

    @Autowired
    Environment environment;

    private MvcResult login(CurrentMember me, boolean rememberMe) throws Exception {
        var request = post("/login").with(csrf()).param("username", me.username()).param("password", PASSWORD);
        return mvc.perform(rememberMe ? request.param("remember-me", "on") : request).andReturn();
    }

    private long tokens(CurrentMember me) {
        return jdbc.queryForObject("select count(*) from persistent_logins where username = ?", Long.class, me.username());
    }

    @Test
    void logOutEverywhereEndsTheOtherSessionsAndEveryRememberMeToken() throws Exception {
        CurrentMember me = newMember("everywhere");
        MvcResult phone = login(me, true);
        Cookie phoneSession = phone.getResponse().getCookie("SESSION");
        Cookie phoneRememberMe = phone.getResponse().getCookie("remember-me");
        Cookie laptop = login(me, false).getResponse().getCookie("SESSION");
        assertThat(tokens(me)).isOne();

        mvc.perform(post("/settings/logout-everywhere").cookie(laptop).with(csrf())).andExpect(redirectedUrl("/settings/sessions"));

        assertThat(tokens(me)).isZero();
        mvc.perform(get("/feed").cookie(laptop)).andExpect(status().isOk());
        mvc.perform(get("/feed").cookie(phoneSession)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/feed").cookie(phoneRememberMe)).andExpect(status().is3xxRedirection()).andExpect(unauthenticated());
    }

    @Test
    void theSessionsPageOffersLogOutEverywhere() throws Exception {
        CurrentMember me = newMember("sessions");
        Cookie session = login(me, false).getResponse().getCookie("SESSION");
        assertThat(mvc.perform(get("/settings/sessions").cookie(session)).andReturn().getResponse().getContentAsString())
                .contains("/settings/logout-everywhere").contains("data-action=\"logout-everywhere\"");
    }

    @Test
    void logOutEverywhereNeedsAPostWithTheToken() throws Exception {
        CurrentMember me = newMember("getonly");
        Cookie session = login(me, true).getResponse().getCookie("SESSION");
        mvc.perform(get("/settings/logout-everywhere").cookie(session)).andExpect(status().is4xxClientError());
        mvc.perform(post("/settings/logout-everywhere").cookie(session)).andExpect(status().isForbidden());
        assertThat(tokens(me)).isOne();
    }

    @Test
    void idleSessionsEndAfterTwoHours() {
        assertThat(environment.getProperty("server.servlet.session.timeout", Duration.class)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void theRememberMeCookieIsHttpOnlySameSiteLaxAndSecureOverHttps() throws Exception {
        CurrentMember me = newMember("cookie");
        Cookie plain = login(me, true).getResponse().getCookie("remember-me");
        assertThat(plain.isHttpOnly()).isTrue();
        assertThat(plain.getAttribute("SameSite")).isEqualTo("Lax");
        assertThat(plain.getSecure()).isFalse();
        MvcResult secure = mvc.perform(post("/login").secure(true).with(csrf()).param("username", me.username())
                .param("password", PASSWORD).param("remember-me", "on")).andExpect(authenticated()).andReturn();
        assertThat(secure.getResponse().getCookie("remember-me").getSecure()).isTrue();
    }
}
