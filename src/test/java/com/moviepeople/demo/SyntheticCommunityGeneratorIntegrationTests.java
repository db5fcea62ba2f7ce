package com.moviepeople.demo;

import com.moviepeople.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** A small smoke run of the benchmark data generator (the big run is documented in docs/benchmarks.md). */
class SyntheticCommunityGeneratorIntegrationTests extends IntegrationTest {

    @Autowired
    SyntheticCommunityGenerator generator;

    @Test
    void fillsAnEmptyDatabaseWithASkewedCommunityThenRefusesToRunAgain() throws Exception {
        cleanDatabase();
        SyntheticCommunityGenerator.Summary summary = generator.generate(400, "generated-secret");
        assertThat(summary.members()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from member where username::text ~ '^gen[0-9]+$'", Long.class)).isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from member where email_verified_at is null", Long.class)).isZero();
        assertThat(summary.connections()).isBetween(400L * 15, 400L * 35);
        assertThat(jdbc.queryForObject("select count(*) from feed_network", Long.class))
                .as("the feed sees both directions of every accepted connection").isEqualTo(2 * summary.connections());
        assertThat(summary.portfolioItems()).isEqualTo(800);
        assertThat(summary.posts()).isEqualTo(400 * 10 + 800);
        assertThat(jdbc.queryForObject("select count(*) from search_person", Long.class)).as("generated members are searchable").isEqualTo(400);
        assertThat(summary.comments()).isBetween(400L * 10 * 2, 400L * 10 * 4);
        assertThat(summary.messages()).isBetween(400L * 30, 400L * 70);
        assertThat(jdbc.queryForObject("select count(*) from conversation c where not exists (select 1 from message m where m.id = c.last_message_id)",
                Long.class)).isZero();
        assertThat(summary.mostConnected()).startsWith("gen");
        assertThat(summary.mostConnectedDegree()).as("a hub far above the average of ~50").isGreaterThan(150);
        assertThat(summary.text()).contains("most-connected: " + summary.mostConnected());
        assertThat(jdbc.queryForObject("select count(*) from profile where role = 'Film Editor'", Long.class)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from profile where location = 'Berlin, Germany'", Long.class)).isPositive();
        // Every generated member logs in with the shared password, and the main pages work on generated data.
        mvc.perform(post("/login").with(csrf()).param("username", "gen7").param("password", "generated-secret")).andExpect(authenticated());
        var gen1 = currentMember("gen1");
        for (String page : new String[] {"/feed", "/messages", "/connections", "/people/gen2", "/search?role=editor&location=berlin"}) {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(page)
                            .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(gen1)))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
        }

        assertThatThrownBy(() -> generator.generate(10, "generated-secret"))
                .isInstanceOf(SyntheticCommunityGenerator.GeneratorRefused.class).hasMessageContaining("not empty");
        cleanDatabase();
    }
}
