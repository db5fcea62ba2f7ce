package com.moviepeople.demo;

import com.moviepeople.IntegrationTest;
import com.moviepeople.shared.FilmRoles;
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

        // Productions, credits and confirmations: one production per 5 members, 5–40 credits each.
        // Crew calls: one per ~20 members, mostly open and paid, with applications never by their poster.
        assertThat(jdbc.queryForObject("select count(*) from crew_call", Long.class)).isEqualTo(20);
        assertThat(jdbc.queryForObject("select count(*) from crew_call where status = 'OPEN'", Long.class)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from call_application", Long.class)).isBetween(20L * 5, 20L * 30);
        assertThat(jdbc.queryForObject("select count(*) from call_application a join crew_call c on c.id = a.call_id where a.applicant_id = c.poster_id",
                Long.class)).isZero();
        assertThat(summary.productions()).isEqualTo(80);
        assertThat(summary.text()).contains("productions:").contains("credits:").contains("confirmations:");
        assertThat(jdbc.queryForObject("""
                select count(*) from production p
                where (select count(*) from credit c where c.production_id = p.id) not between 5 and 40""", Long.class))
                .as("every production credits 5–40 members").isZero();
        assertThat(jdbc.queryForObject("select count(distinct kind) from production", Long.class)).isGreaterThanOrEqualTo(4);
        assertThat(jdbc.queryForObject("select count(*) from production where link is not null", Long.class)).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from production where link is not null and link !~ '^https://www\\.imdb\\.com/title/tt[0-9]+/$'",
                Long.class)).isZero();
        assertThat(jdbc.queryForObject("""
                select count(*) from production p
                where year not between 2005 and 2026
                   or not exists (select 1 from credit c where c.production_id = p.id and c.member_id = p.created_by)""", Long.class))
                .as("a year 2005–2026, created by one of its credited members").isZero();
        assertThat(summary.credits()).as("1.5–3.5 credits per member").isBetween(400L * 3 / 2, 400L * 7 / 2);
        assertThat(jdbc.queryForObject("""
                select max(n) from (select m.id, count(c.id) as n from member m left join credit c on c.member_id = m.id group by m.id) x""",
                Long.class)).as("nobody collects credits (crew windows and connection picks are bounded)").isBetween(3L, 13L);
        assertThat(jdbc.queryForObject("select count(*) from credit where member_id = 1", Long.class)).as("gen1's credits").isPositive();
        assertThat(jdbc.queryForObject("select count(*) from credit c join member m on m.id = c.member_id where m.username = ?",
                Long.class, summary.mostConnected())).as("the most-connected member's credits").isBetween(1L, 13L);
        for (var credit : jdbc.queryForList("select distinct role, department from credit")) {
            assertThat(credit.get("department")).as("the department of %s", credit.get("role"))
                    .isEqualTo(FilmRoles.departmentOf((String) credit.get("role")));
        }
        assertThat(jdbc.queryForObject("select count(*) from credit where note is not null", Long.class))
                .isPositive().isLessThan(summary.credits() / 4);
        assertThat(summary.confirmations()).isPositive();
        assertThat(jdbc.queryForObject("select count(distinct credit_id) from credit_confirmation", Double.class) / summary.credits())
                .as("~40% of credits confirmed").isBetween(0.3, 0.5);
        assertThat(jdbc.queryForObject("""
                select count(*) from credit_confirmation cc
                where cc.confirmer_id = cc.credit_owner_id
                   or not exists (select 1 from credit c where c.production_id = cc.production_id and c.member_id = cc.confirmer_id)
                   or not exists (select 1 from credit c where c.id = cc.credit_id and c.member_id = cc.credit_owner_id
                                                         and c.production_id = cc.production_id)""", Long.class))
                .as("every confirmer is another member credited on the same production").isZero();
        assertThat(jdbc.queryForObject("select max(n) from (select count(*) as n from credit_confirmation group by credit_id) x", Long.class))
                .isBetween(1L, 5L);
        var coworkers = jdbc.queryForMap("""
                select count(*) as pairs,
                       count(*) filter (where exists (select 1 from connection k where k.status = 'ACCEPTED'
                                                          and k.requester_id in (x, y) and k.receiver_id in (x, y))) as connected
                from (select distinct a.member_id as x, b.member_id as y
                      from credit a join credit b on b.production_id = a.production_id and a.member_id < b.member_id) p""");
        long pairs = (Long) coworkers.get("pairs");
        long connected = (Long) coworkers.get("connected");
        assertThat(connected).as("colleagues who are connected").isPositive();
        assertThat(pairs - connected).as("colleagues who are not connected (suggestions)").isPositive();
        assertThat((double) connected / pairs).as("connected members share productions more often than members at large")
                .isGreaterThan((double) summary.connections() / (400 * 399 / 2));

        // Availability: 10–30 ranges per member (~20) from 2 months back to 3 years ahead, a free day between two.
        var perMember = jdbc.queryForMap("""
                select min(n) as fewest, max(n) as most, avg(n)::float8 as mean, sum(n) as total
                from (select count(r.id) as n from member m left join availability_range r on r.member_id = m.id group by m.id) x""");
        assertThat((Long) perMember.get("fewest")).isGreaterThanOrEqualTo(10);
        assertThat((Long) perMember.get("most")).isLessThanOrEqualTo(30);
        assertThat((Double) perMember.get("mean")).isBetween(17.0, 23.0);
        assertThat(summary.availabilityRanges()).isEqualTo(((Number) perMember.get("total")).longValue());
        assertThat(summary.text()).contains("availability:").contains("ranges (");
        assertThat(jdbc.queryForObject("""
                select count(*) from availability_range a join availability_range b
                    on b.member_id = a.member_id and b.id <> a.id and (b.period && a.period or b.period -|- a.period)""", Long.class))
                .as("no two ranges of a member overlap or touch").isZero();
        assertThat(jdbc.queryForObject("""
                select count(*) from availability_range
                where start_date < current_date - 60 or end_date > current_date + interval '3 years'""", Long.class))
                .as("from 2 months back to 3 years ahead").isZero();
        assertThat(jdbc.queryForObject("select count(*) from availability_range where end_date < current_date", Long.class))
                .as("some in the past").isPositive();
        assertThat(jdbc.queryForObject("select count(*) from availability_range where start_date > current_date + interval '2 years'",
                Long.class)).as("some far ahead").isPositive();
        var lengths = jdbc.queryForMap("""
                select min(end_date - start_date + 1) as shortest, max(end_date - start_date + 1) as longest,
                       avg(case when end_date - start_date + 1 between 2 and 30 then 1.0 else 0.0 end)::float8 as typical
                from availability_range""");
        assertThat((Integer) lengths.get("shortest")).isGreaterThanOrEqualTo(2);
        assertThat((Integer) lengths.get("longest")).isBetween(31, 90);
        assertThat((Double) lengths.get("typical")).as("mostly 2–30 days").isGreaterThan(0.85);
        var statuses = jdbc.queryForMap("""
                select avg(case when status = 'AVAILABLE' then 1.0 else 0.0 end)::float8 as available,
                       avg(case when status = 'HOLD' then 1.0 else 0.0 end)::float8 as hold,
                       avg(case when status = 'BOOKED' then 1.0 else 0.0 end)::float8 as booked,
                       count(*) filter (where (status = 'HOLD') <> (hold_rank is not null)) as misranked,
                       count(distinct hold_rank) as ranks,
                       count(*) filter (where status = 'AVAILABLE' and note is not null) as available_noted,
                       avg(case when note is not null then 1.0 else 0.0 end) filter (where status <> 'AVAILABLE')::float8 as engaged_noted
                from availability_range""");
        assertThat((Double) statuses.get("available")).isBetween(0.45, 0.55);
        assertThat((Double) statuses.get("hold")).isBetween(0.16, 0.24);
        assertThat((Double) statuses.get("booked")).isBetween(0.26, 0.34);
        assertThat((Long) statuses.get("misranked")).as("a hold rank on holds and only there").isZero();
        assertThat((Long) statuses.get("ranks")).as("first and second holds").isEqualTo(2);
        assertThat((Long) statuses.get("available_noted")).isZero();
        assertThat((Double) statuses.get("engaged_noted")).as("most holds and bookings have a note").isBetween(0.7, 0.95);
        assertThat(jdbc.queryForObject("select count(*) from availability_range where note is not null and note !~ '^[A-Z][A-Za-z -]+ — [A-Z][a-z]+ [A-Z][a-z]+$'",
                Long.class)).as("notes like 'Feature shoot — Silent Harbour'").isZero();
        assertThat(jdbc.queryForList("""
                select distinct mp_availability(id, id, current_date + 90, current_date + 96) from member""", String.class))
                .as("a week three months ahead, as each member sees it").containsExactlyInAnyOrder("available", "partly", "unavailable");
        var settings = jdbc.queryForMap("""
                select count(*) filter (where visibility = 'EVERYONE') as everyone, count(*) filter (where visibility = 'NOBODY') as nobody,
                       count(*) filter (where visibility = 'CONNECTIONS') as connections from availability_setting""");
        assertThat(summary.availabilitySettings()).as("~40% of members choose a visibility").isBetween(400L * 30 / 100, 400L * 50 / 100);
        assertThat((Long) settings.get("everyone")).as("~30%").isBetween(400L * 22 / 100, 400L * 38 / 100);
        assertThat((Long) settings.get("nobody")).as("~10%").isBetween(400L * 5 / 100, 400L * 15 / 100);
        assertThat((Long) settings.get("connections")).as("the default needs no row").isZero();

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
