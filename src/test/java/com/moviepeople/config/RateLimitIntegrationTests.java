package com.moviepeople.config;

import com.moviepeople.IntegrationTest;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TestPropertySource(properties = {
        "moviepeople.rate-limits.signup-per-address=3/1h",
        "moviepeople.rate-limits.login-failures-per-account=3/15m",
        "moviepeople.rate-limits.login-failures-per-address=6/15m",
        "moviepeople.rate-limits.password-reset-per-email=2/1h"})
class RateLimitIntegrationTests extends IntegrationTest {

    private static final AtomicInteger ADDRESS = new AtomicInteger(10);

    /** Each test acts from its own client address, so buckets do not leak between tests. */
    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String newAddress() {
        return "198.51.100." + ADDRESS.incrementAndGet();
    }

    private MockHttpServletRequestBuilder login(String login, String password, String address) {
        return post("/login").with(csrf()).with(from(address)).param("username", login).param("password", password);
    }

    @Test
    void signupIsLimitedPerAddressWithA429AndNothingStored() throws Exception {
        String address = newAddress();
        for (int i = 0; i < 3; i++) {
            String name = uniqueName("limited");
            mvc.perform(post("/signup").with(csrf()).with(from(address)).param("username", name)
                    .param("email", name + "@example.com").param("password", "a sensible passphrase").param("displayName", "L"))
                    .andExpect(status().isFound());
        }
        String blocked = uniqueName("blocked");
        mvc.perform(post("/signup").with(csrf()).with(from(address)).param("username", blocked)
                        .param("email", blocked + "@example.com").param("password", "a sensible passphrase").param("displayName", "B"))
                .andExpect(status().isTooManyRequests());
        assertThat(accounts.findByUsername(blocked)).isEmpty();
        // Another address is not affected.
        mvc.perform(post("/signup").with(csrf()).with(from(newAddress())).param("username", blocked)
                        .param("email", blocked + "@example.com").param("password", "a sensible passphrase").param("displayName", "B"))
                .andExpect(status().isFound());
    }

    @Test
    void repeatedFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
        CurrentMember me = newMember("locked");
        for (int i = 0; i < 3; i++) {
            mvc.perform(login(me.username(), "wrong password!", newAddress())).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(login(me.username(), PASSWORD, newAddress())).andExpect(redirectedUrl("/login?locked")).andExpect(unauthenticated());
        mvc.perform(get("/login?locked")).andExpect(content().string(containsString("logging in is paused")));
    }

    @Test
    void unknownAccountsLockTheSameWaySoNothingIsRevealed() throws Exception {
        String ghost = "ghost-" + uniqueName("x");
        for (int i = 0; i < 3; i++) {
            mvc.perform(login(ghost, "wrong password!", newAddress())).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(login(ghost, "wrong password!", newAddress())).andExpect(redirectedUrl("/login?locked"));
    }

    @Test
    void oneAddressTryingManyAccountsIsLocked() throws Exception {
        String address = newAddress();
        for (int i = 0; i < 6; i++) {
            mvc.perform(login("spray-" + i + uniqueName("s"), "wrong password!", address)).andExpect(redirectedUrl("/login?error"));
        }
        CurrentMember me = newMember("bystander");
        mvc.perform(login(me.username(), PASSWORD, address)).andExpect(redirectedUrl("/login?locked"));
        mvc.perform(login(me.username(), PASSWORD, newAddress())).andExpect(authenticated());
    }

    @Test
    void aSuccessfulLoginClearsTheAccountsFailures() throws Exception {
        CurrentMember me = newMember("reset");
        for (int round = 0; round < 2; round++) {
            mvc.perform(login(me.username(), "wrong password!", newAddress())).andExpect(redirectedUrl("/login?error"));
            mvc.perform(login(me.username(), "wrong password!", newAddress())).andExpect(redirectedUrl("/login?error"));
            mvc.perform(login(me.username().toUpperCase(), PASSWORD, newAddress())).andExpect(authenticated());
        }
    }

    @Test
    void resetMailsPerAddressAreCappedButTheAnswerStaysTheSame() throws Exception {
        CurrentMember me = newMember("resetcap");
        String email = me.username() + "@example.com";
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/password/forgot").with(csrf()).with(from(newAddress())).param("email", email))
                    .andExpect(status().isOk()).andExpect(content().string(containsString("data-reset-requested")));
        }
        assertThat(jdbc.queryForObject("select count(*) from account_token where member_id = ? and purpose = 'RESET_PASSWORD'",
                Integer.class, me.id())).isEqualTo(2);
    }
}
