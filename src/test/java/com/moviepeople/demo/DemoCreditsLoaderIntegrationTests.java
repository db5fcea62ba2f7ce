package com.moviepeople.demo;

import com.moviepeople.credits.Credits;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/** The demo community arrives with a filmography: productions, credits, confirmations and someone to suggest. */
class DemoCreditsLoaderIntegrationTests extends DemoLoaderTest {

    @Autowired
    Credits credits;

    @Test
    void loadsTheFilmographyOnceWithConfirmationsAndSuggestions() throws Exception {
        loadConnectedCommunity();
        DemoCreditsLoader loader = new DemoCreditsLoader(credits, members, demoOn);
        loader.run(null);

        long expectedCredits = DemoCreditsLoader.PRODUCTIONS.stream().mapToLong(p -> p.credits().size()).sum();
        long expectedConfirmations = DemoCreditsLoader.PRODUCTIONS.stream()
                .flatMap(p -> p.credits().stream()).mapToLong(c -> c.confirmedBy().size()).sum();
        assertThat(count("select count(*) from production")).isEqualTo(DemoCreditsLoader.PRODUCTIONS.size());
        assertThat(count("select count(*) from credit")).isEqualTo(expectedCredits);
        assertThat(count("select count(*) from credit_confirmation")).isEqualTo(expectedConfirmations);

        loader.run(null);
        assertThat(count("select count(*) from credit")).isEqualTo(expectedCredits);
        // Through the module's API inside its transactions: the feed gets its automatic posts.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                count("select count(*) from post where kind = 'CREDIT'") == expectedCredits
                        && count("select count(*) from post where kind = 'CONFIRMATION'") == expectedConfirmations);
        // Every listener (the feed's, the notifications') completes: nothing stays in the registry.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> count("select count(*) from event_publication") == 0);

        var agnieszka = currentMember("agnieszka");
        mvc.perform(get("/people/agnieszka").with(user(currentMember("julien"))))
                .andExpect(content().string(containsString("Confirmed by 2 colleagues")))
                .andExpect(content().string(containsString("data-worked-together=\"1\"")));
        mvc.perform(get("/connections/suggestions").with(user(agnieszka)))
                .andExpect(content().string(containsString("data-suggestion=\"david\"")));
    }
}
