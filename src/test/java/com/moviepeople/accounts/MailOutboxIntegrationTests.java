package com.moviepeople.accounts;

import com.moviepeople.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Without SMTP (the embedded default) mails land in the development outbox, reachable only from this machine. */
class MailOutboxIntegrationTests extends IntegrationTest {

    @Test
    void resetMailWithItsFullLinkAppearsInTheOutbox() throws Exception {
        String email = newMember("outbox").username() + "@example.com";
        mvc.perform(post("/password/forgot").with(csrf()).param("email", email)).andExpect(status().isOk());
        mvc.perform(get("/dev/outbox"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(email)))
                .andExpect(content().string(containsString("http://localhost/password/reset/")));
    }

    @Test
    void outboxIsNotServedToOtherMachines() throws Exception {
        mvc.perform(get("/dev/outbox").with(request -> {
            request.setRemoteAddr("203.0.113.7");
            return request;
        })).andExpect(status().isNotFound());
    }
}
