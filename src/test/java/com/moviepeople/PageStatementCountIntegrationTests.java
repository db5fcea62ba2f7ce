package com.moviepeople;

import com.moviepeople.connections.Connections;
import com.moviepeople.portfolio.PortfolioItemForm;
import com.moviepeople.portfolio.PortfolioService;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The profile page and the connections list run the same number of SQL statements whatever the
 * amount behind them (portfolio items, mutual connections, connections): no N+1. The feed, post,
 * inbox, conversation and search pages have theirs in their own modules' tests.
 */
class PageStatementCountIntegrationTests extends IntegrationTest {

    @Autowired
    PortfolioService portfolio;

    private long statementsFor(CurrentMember viewer, String url) throws Exception {
        mvc.perform(get(url).with(user(viewer))).andExpect(status().isOk()); // warm-up
        queries.reset();
        mvc.perform(get(url).with(user(viewer))).andExpect(status().isOk());
        return queries.count();
    }

    /**
     * A member with {@code items} portfolio items, {@code mutual} connections shared with the viewer,
     * and {@code items} credits (written as SQL: set-up only), each on a production the viewer is
     * credited on too and confirmed by the viewer.
     */
    private CurrentMember[] profileWith(int items, int mutual) {
        CurrentMember owner = newMember("owner");
        CurrentMember viewer = newMember("viewer");
        connect(viewer, owner);
        for (int i = 0; i < items; i++) {
            portfolio.add(owner.id(), new PortfolioItemForm("Short film " + i, "Edited it.",
                    "https://www.youtube.com/watch?v=aqz-KE-bpKQ", 2020, "Editor"));
            long production = jdbc.queryForObject("insert into production (title, year, kind) values (?, 2020, 'short') returning id",
                    Long.class, "Counted " + owner.username() + " " + i);
            long credit = jdbc.queryForObject("""
                    insert into credit (production_id, member_id, role, department) values (?, ?, 'Film Editor', 'Editorial')
                    returning id""", Long.class, production, owner.id());
            jdbc.update("insert into credit (production_id, member_id, role, department) values (?, ?, 'Gaffer', 'Lighting & Grip')",
                    production, viewer.id());
            jdbc.update("insert into credit_confirmation (credit_id, credit_owner_id, production_id, confirmer_id) values (?, ?, ?, ?)",
                    credit, owner.id(), production, viewer.id());
        }
        for (int i = 0; i < items; i++) {
            // A day available every other day from tomorrow: the strip reads them all in one statement.
            jdbc.update("insert into availability_range (member_id, start_date, end_date, status) values (?, current_date + ?, current_date + ?, 'AVAILABLE')",
                    owner.id(), 1 + 2 * i, 1 + 2 * i);
        }
        for (int i = 0; i < mutual; i++) {
            CurrentMember both = newMember("mutual");
            connect(both, owner);
            connect(both, viewer);
        }
        return new CurrentMember[] {owner, viewer};
    }

    @Test
    void theProfilePageRunsTheSameStatementsForOneOrFiftyCreditsAndItemsAndMutualConnections() throws Exception {
        CurrentMember[] small = profileWith(1, 1);
        CurrentMember[] large = profileWith(50, 12);
        long few = statementsFor(small[1], "/people/" + small[0].username());
        String page = mvc.perform(get("/people/" + large[0].username()).with(user(large[1])))
                .andReturn().getResponse().getContentAsString();
        assertThat(page.split("data-credit-id=", -1)).hasSize(51);
        assertThat(page).contains("data-worked-together=\"50\"").contains("data-availability=\"partly\"");
        long many = statementsFor(large[1], "/people/" + large[0].username());
        System.out.println("Statements per profile page (1 / 50 credits and items, 1 / 12 mutual connections): " + few + " / " + many);
        assertThat(many).isEqualTo(few);
        // Navigation badges with who is blocked; then the page's one statement: member and profile
        // (one view) with the connection facts (count and relation, V48) and the eight weeks of
        // availability (visibility included, V49) joined in. Member cards, the mutual connections,
        // the first page of items, the owner's credits and the viewer's productions are in memory
        // after the first view.
        assertThat(many).isEqualTo(2);
    }

    @Test
    void theConnectionsListRunsTheSameStatementsForTwoOrTwentyFiveConnections() throws Exception {
        CurrentMember few = newMember("few");
        CurrentMember many = newMember("many");
        for (int i = 0; i < 2; i++) {
            connect(newMember("c"), few);
        }
        for (int i = 0; i < 25; i++) {
            connect(newMember("c"), many);
        }
        long small = statementsFor(few, "/connections");
        long large = statementsFor(many, "/connections");
        System.out.println("Statements per connections page (2 / 25 connections): " + small + " / " + large);
        assertThat(large).isEqualTo(small);
        assertThat(large).isLessThanOrEqualTo(3);
    }
}
