package com.moviepeople.accounts;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.moviepeople.IntegrationTest;
import com.moviepeople.shared.CurrentMember;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import jakarta.servlet.http.Cookie;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Verification and password reset with real mail through an in-process SMTP server (GreenMail). */
class AccountSafetyIntegrationTests extends IntegrationTest {

    private static final int SMTP_PORT = com.moviepeople.TestSmtp.PORT;

    @RegisterExtension
    static GreenMailExtension mail = com.moviepeople.TestSmtp.server(SMTP_PORT);

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        com.moviepeople.TestSmtp.register(registry, SMTP_PORT);
    }

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    AccountTokens tokens;


    @BeforeEach
    void emptyMailbox() throws Exception {
        mail.purgeEmailFromAllMailboxes();
    }

    private String linkFromMailTo(String address, String pathPrefix) {
        // Mails go out in the background, after the answer: wait for the one to this address.
        long deadline = System.currentTimeMillis() + 5000;
        java.util.Optional<MimeMessage> found;
        do {
            found = java.util.Arrays.stream(mail.getReceivedMessages())
                    .filter(m -> GreenMailUtil.getAddressList(uncheck(m)).contains(address)).reduce((a, b) -> b);
            if (found.isEmpty()) {
                mail.waitForIncomingEmail(100, mail.getReceivedMessages().length + 1);
            }
        } while (found.isEmpty() && System.currentTimeMillis() < deadline);
        MimeMessage message = found.orElseThrow(() -> new AssertionError("no mail to " + address));
        Matcher link = Pattern.compile("http://localhost:8080(" + Pattern.quote(pathPrefix) + "[A-Za-z0-9_-]+)")
                .matcher(GreenMailUtil.getBody(message));
        assertThat(link.find()).as("mail contains a link to " + pathPrefix).isTrue();
        return link.group(1);
    }

    private static jakarta.mail.Address[] uncheck(MimeMessage m) {
        try {
            return m.getAllRecipients();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sessions live in PostgreSQL (Spring Session): a browser carries them as the SESSION cookie. */
    private static Cookie sessionCookie(org.springframework.test.web.servlet.MvcResult result) {
        Cookie cookie = result.getResponse().getCookie("SESSION");
        assertThat(cookie).as("session cookie").isNotNull();
        return cookie;
    }

    private String hashOf(CurrentMember member) {
        return jdbc.queryForObject("select password_hash from member where id = ?", String.class, member.id());
    }

    @Test
    void signupMailsAVerificationLinkThatWorksOnce() throws Exception {
        String username = uniqueName("verify");
        mvc.perform(post("/signup").with(csrf()).param("username", username).param("email", username + "@example.com")
                .param("password", "a sensible passphrase").param("displayName", "Verify Me"))
                .andExpect(redirectedUrl("/profile/edit"));
        CurrentMember me = currentMember(username);
        assertThat(accounts.isEmailVerified(me.id())).isFalse();
        mvc.perform(get("/feed").with(user(me))).andExpect(content().string(containsString("data-unverified-email")));

        String link = linkFromMailTo(username + "@example.com", "/verify-email/");
        mvc.perform(get(link)).andExpect(status().isOk()).andExpect(content().string(containsString("data-outcome=\"OK\"")));
        assertThat(accounts.isEmailVerified(me.id())).isTrue();
        mvc.perform(get(link)).andExpect(content().string(containsString("data-outcome=\"INVALID_LINK\"")));
        mvc.perform(get("/feed").with(user(me))).andExpect(content().string(org.hamcrest.Matchers.not(containsString("data-unverified-email"))));
    }

    @Test
    void forgottenPasswordFlowFromTheMailedLink() throws Exception {
        CurrentMember me = newMember("forgot");
        String email = me.username() + "@example.com";
        String oldHash = hashOf(me);
        mvc.perform(post("/password/forgot").with(csrf()).param("email", email.toUpperCase()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("data-reset-requested")));
        String link = linkFromMailTo(email, "/password/reset/");
        assertThat(jdbc.queryForObject("select count(*) from account_token where member_id = ? and purpose = 'RESET_PASSWORD' and expires_at <= now() + interval '1 hour'",
                Integer.class, me.id())).isOne();

        mvc.perform(get(link)).andExpect(status().isOk()).andExpect(content().string(containsString("Save my new password")));
        // A refused password does not use the link up.
        mvc.perform(post(link).with(csrf()).param("password", "password123"))
                .andExpect(model().attributeHasFieldErrors("resetPasswordForm", "password"));
        assertThat(hashOf(me)).isEqualTo(oldHash);
        mvc.perform(post(link).with(csrf()).param("password", "a brand new passphrase")).andExpect(redirectedUrl("/login"));
        assertThat(passwordEncoder.matches("a brand new passphrase", hashOf(me))).isTrue();
        mvc.perform(post("/login").with(csrf()).param("username", email).param("password", "a brand new passphrase"))
                .andExpect(authenticated());
        // Single use.
        mvc.perform(post(link).with(csrf()).param("password", "yet another passphrase"))
                .andExpect(content().string(containsString("data-link-invalid")));
        assertThat(passwordEncoder.matches("a brand new passphrase", hashOf(me))).isTrue();
    }

    @Test
    void unknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
        String known = newMember("known").username() + "@example.com";
        String forKnown = mvc.perform(post("/password/forgot").with(csrf()).param("email", known)).andReturn().getResponse().getContentAsString();
        String forUnknown = mvc.perform(post("/password/forgot").with(csrf()).param("email", "nobody-" + known)).andReturn().getResponse().getContentAsString();
        assertThat(strip(forUnknown)).isEqualTo(strip(forKnown).replace(known, "nobody-" + known));
        linkFromMailTo(known, "/password/reset/");
        Thread.sleep(1000); // time enough for a second mail, if one were coming
        assertThat(java.util.Arrays.stream(mail.getReceivedMessages()).map(m -> GreenMailUtil.getAddressList(uncheck(m))))
                .filteredOn(to -> to.contains(known)).hasSize(1);
    }

    private static String strip(String html) {
        return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }

    @Test
    void expiredAndForgedResetLinksAreRefused() throws Exception {
        CurrentMember me = newMember("expired");
        String token = tokens.issue(me.id(), AccountTokens.Purpose.RESET_PASSWORD, null, java.time.Duration.ofHours(1));
        jdbc.update("update account_token set created_at = now() - interval '2 hours', expires_at = now() - interval '1 hour' where member_id = ?", me.id());
        mvc.perform(get("/password/reset/" + token)).andExpect(content().string(containsString("data-link-invalid")));
        mvc.perform(post("/password/reset/" + token).with(csrf()).param("password", "a brand new passphrase"))
                .andExpect(content().string(containsString("data-link-invalid")));
        mvc.perform(get("/password/reset/not-a-real-token")).andExpect(content().string(containsString("data-link-invalid")));
        mvc.perform(get("/password/reset/" + "x".repeat(5000))).andExpect(status().isOk());
        assertThat(passwordEncoder.matches(PASSWORD, hashOf(me))).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from account_token where token_hash = sha256(convert_to(?, 'UTF8'))", Integer.class, token))
                .as("only the hash is stored").isOne();
        assertThat(jdbc.queryForObject("select count(*) from account_token where encode(token_hash, 'escape') like ?", Integer.class, "%" + token + "%")).isZero();
    }

    @Test
    void resetEndsAllSessionsAndRememberMeTokens() throws Exception {
        CurrentMember me = newMember("sessions");
        Cookie elsewhere = sessionCookie(mvc.perform(post("/login").with(csrf()).param("username", me.username())
                .param("password", PASSWORD).param("remember-me", "on")).andReturn());
        mvc.perform(get("/feed").cookie(elsewhere)).andExpect(status().isOk());
        String token = tokens.issue(me.id(), AccountTokens.Purpose.RESET_PASSWORD, null, java.time.Duration.ofHours(1));
        mvc.perform(post("/password/reset/" + token).with(csrf()).param("password", "a brand new passphrase")).andExpect(redirectedUrl("/login"));
        assertThat(jdbc.queryForObject("select count(*) from persistent_logins where username = ?", Integer.class, me.username())).isZero();
        mvc.perform(get("/feed").cookie(elsewhere)).andExpect(status().is3xxRedirection());
    }

    @Test
    void changePasswordNeedsTheCurrentOneAndLogsOutOtherSessions() throws Exception {
        CurrentMember me = newMember("change");
        Cookie other = sessionCookie(mvc.perform(post("/login").with(csrf()).param("username", me.username())
                .param("password", PASSWORD)).andReturn());
        Cookie current = sessionCookie(mvc.perform(post("/login").with(csrf()).param("username", me.username())
                .param("password", PASSWORD)).andReturn());

        mvc.perform(post("/settings/password").cookie(current).with(csrf()).param("currentPassword", "wrong password!")
                        .param("newPassword", "a brand new passphrase"))
                .andExpect(model().attributeHasFieldErrors("changePasswordForm", "currentPassword"));
        mvc.perform(post("/settings/password").cookie(current).with(csrf()).param("currentPassword", PASSWORD)
                        .param("newPassword", me.username()))
                .andExpect(model().attributeHasFieldErrors("changePasswordForm", "newPassword"));
        assertThat(passwordEncoder.matches(PASSWORD, hashOf(me))).isTrue();

        mvc.perform(post("/settings/password").cookie(current).with(csrf()).param("currentPassword", PASSWORD)
                        .param("newPassword", "a brand new passphrase"))
                .andExpect(redirectedUrl("/settings/password"));
        assertThat(passwordEncoder.matches("a brand new passphrase", hashOf(me))).isTrue();
        mvc.perform(get("/feed").cookie(current)).andExpect(status().isOk());
        mvc.perform(get("/feed").cookie(other)).andExpect(status().is3xxRedirection());
    }

    @Test
    void changeEmailTakesEffectOnlyOnceTheNewAddressIsConfirmed() throws Exception {
        CurrentMember me = newMember("newmail");
        String newEmail = "new-" + me.username() + "@example.org";
        mvc.perform(post("/settings/email").with(user(me)).with(csrf()).param("email", newEmail).param("password", "wrong password!"))
                .andExpect(model().attributeHasFieldErrors("changeEmailForm", "password"));
        String other = newMember("taken").username() + "@example.com";
        mvc.perform(post("/settings/email").with(user(me)).with(csrf()).param("email", other.toUpperCase()).param("password", PASSWORD))
                .andExpect(model().attributeHasFieldErrors("changeEmailForm", "email"));
        mvc.perform(post("/settings/email").with(user(me)).with(csrf()).param("email", " " + newEmail + " ").param("password", PASSWORD))
                .andExpect(redirectedUrl("/settings/email"));
        assertThat(jdbc.queryForObject("select email::text from member where id = ?", String.class, me.id()))
                .as("old address stays until confirmed").isEqualTo(me.username() + "@example.com");
        String link = linkFromMailTo(newEmail, "/verify-email/");
        mvc.perform(get(link)).andExpect(content().string(containsString("data-outcome=\"OK\"")));
        assertThat(jdbc.queryForObject("select email::text from member where id = ?", String.class, me.id())).isEqualTo(newEmail);
        mvc.perform(post("/login").with(csrf()).param("username", newEmail).param("password", PASSWORD)).andExpect(authenticated());
    }

    @Test
    void deleteAccountNeedsThePasswordThenRemovesTheMemberAndLogsOut() throws Exception {
        CurrentMember me = newMember("leaving");
        Cookie session = sessionCookie(mvc.perform(post("/login").with(csrf()).param("username", me.username())
                .param("password", PASSWORD).param("remember-me", "on")).andReturn());
        mvc.perform(post("/settings/delete-account").cookie(session).with(csrf()).param("password", "wrong password!"))
                .andExpect(model().attributeHasFieldErrors("deleteAccountForm", "password"));
        assertThat(accounts.findById(me.id())).isPresent();
        mvc.perform(post("/settings/delete-account").cookie(session).with(csrf()).param("password", PASSWORD))
                .andExpect(redirectedUrl("/"));
        assertThat(accounts.findById(me.id())).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from persistent_logins where username = ?", Integer.class, me.username())).isZero();
        mvc.perform(get("/feed").cookie(session)).andExpect(status().is3xxRedirection());
        mvc.perform(post("/login").with(csrf()).param("username", me.username()).param("password", PASSWORD))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void settingsNeedLoginAndCsrf() throws Exception {
        for (String page : new String[] {"/settings/password", "/settings/email", "/settings/delete-account"}) {
            mvc.perform(get(page)).andExpect(redirectedUrl("/login"));
        }
        CurrentMember victim = newMember("victim");
        mvc.perform(post("/settings/delete-account").with(user(victim)).param("password", PASSWORD)).andExpect(status().isForbidden());
        assertThat(accounts.findById(victim.id())).isPresent();
        CurrentMember me = newMember("nocsrf");
        mvc.perform(post("/settings/password").with(user(me)).param("currentPassword", PASSWORD).param("newPassword", "a brand new passphrase"))
                .andExpect(status().isForbidden());
        assertThat(passwordEncoder.matches(PASSWORD, hashOf(me))).isTrue();
    }

    @Test
    void outboxIsClosedWhenSmtpIsConfigured() throws Exception {
        mvc.perform(get("/dev/outbox")).andExpect(status().isNotFound());
    }
}
