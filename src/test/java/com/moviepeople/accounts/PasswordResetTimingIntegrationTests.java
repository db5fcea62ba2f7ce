package com.moviepeople.accounts;

import com.moviepeople.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Forgot password" answers in the same time for a member's address and for an unknown one, even
 * with an SMTP server that takes a quarter of a second per mail (as a remote one can): the mail
 * goes out in the background, after the answer. Before, the member's answer waited for the mail,
 * which told anyone timing it which addresses are members.
 */
@Import(PasswordResetTimingIntegrationTests.SlowSmtp.class)
class PasswordResetTimingIntegrationTests extends IntegrationTest {

    static final long SMTP_MILLIS = 250;

    @TestConfiguration(proxyBeanMethods = false)
    static class SlowSmtp {
        @Bean
        RecordingSlowMailSender mailSender() {
            return new RecordingSlowMailSender();
        }
    }

    static class RecordingSlowMailSender extends JavaMailSenderImpl {
        final List<String> sentTo = new CopyOnWriteArrayList<>();

        @Override
        public void send(SimpleMailMessage message) {
            try {
                Thread.sleep(SMTP_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            sentTo.add(message.getTo()[0]);
        }
    }

    @Autowired
    RecordingSlowMailSender mailSender;

    private long millisToAnswer(String email) throws Exception {
        long start = System.nanoTime();
        mvc.perform(post("/password/forgot").with(csrf()).param("email", email)).andExpect(status().isOk());
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void answersForMembersAndStrangersTakeTheSameTime() throws Exception {
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            members.add(newMember("timing").username() + "@example.com");
        }
        millisToAnswer("warm-up-" + members.get(0));
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (String email : members) { // interleaved, so machine noise hits both alike
            known.add(millisToAnswer(email));
            unknown.add(millisToAnswer("nobody-" + email));
        }
        System.out.println("Forgot-password answers (ms), members " + known + ", strangers " + unknown);
        assertThat(Collections.min(known)).as("members' answers do not wait for the SMTP server").isLessThan(SMTP_MILLIS);
        assertThat(Collections.min(known)).as("the two ranges overlap").isLessThanOrEqualTo(Collections.max(unknown));
        assertThat(Collections.min(unknown)).isLessThanOrEqualTo(Collections.max(known));
        assertThat(Math.abs(median(known) - median(unknown))).as("median difference").isLessThan(SMTP_MILLIS / 2);

        // Every member still gets their mail, in the background.
        long deadline = System.currentTimeMillis() + 10_000;
        while (mailSender.sentTo.size() < members.size() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(mailSender.sentTo).containsExactlyInAnyOrderElementsOf(members);
    }
}
