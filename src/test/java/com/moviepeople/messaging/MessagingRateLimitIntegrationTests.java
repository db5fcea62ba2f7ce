package com.moviepeople.messaging;

import com.moviepeople.IntegrationTest;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Unverified members may send only a few messages a day; verified ones many more. */
@TestPropertySource(properties = {
        "moviepeople.rate-limits.messages-unverified=2/1d",
        "moviepeople.rate-limits.messages-per-member=4/1d"})
class MessagingRateLimitIntegrationTests extends IntegrationTest {

    private ResultActions send(CurrentMember from, CurrentMember to, String content, boolean htmx) throws Exception {
        var request = post("/messages/" + to.username()).with(user(from)).with(csrf()).param("content", content);
        return mvc.perform(htmx ? request.header("HX-Request", "true") : request);
    }

    private long sentBy(CurrentMember member) {
        return jdbc.queryForObject("select count(*) from message where sender_id = ?", Long.class, member.id());
    }

    @Test
    void anUnverifiedMemberIsLimitedWith429AndNothingStored() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        connect(anna, ben);
        jdbc.update("update member set email_verified_at = null where id = ?", anna.id());

        send(anna, ben, "one", false).andExpect(status().isFound());
        send(anna, ben, "two", true).andExpect(status().isOk());
        send(anna, ben, "three", false).andExpect(status().isTooManyRequests());
        send(anna, ben, "four", true).andExpect(status().isTooManyRequests());
        assertThat(sentBy(anna)).isEqualTo(2);
    }

    @Test
    void invalidMessagesDoNotUseUpTheAllowance() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        connect(anna, ben);
        jdbc.update("update member set email_verified_at = null where id = ?", anna.id());
        for (int i = 0; i < 3; i++) {
            send(anna, ben, "   ", false).andExpect(status().isBadRequest());
        }
        send(anna, ben, "one", false).andExpect(status().isFound());
        send(anna, ben, "two", false).andExpect(status().isFound());
        assertThat(sentBy(anna)).isEqualTo(2);
    }

    @Test
    void verifiedMembersHaveTheHigherLimit() throws Exception {
        var anna = newMember("anna");
        var ben = newMember("ben");
        connect(anna, ben);
        for (int i = 0; i < 4; i++) {
            send(anna, ben, "message " + i, false).andExpect(status().isFound());
        }
        send(anna, ben, "one too many", false).andExpect(status().isTooManyRequests());
        assertThat(sentBy(anna)).isEqualTo(4);
    }
}
