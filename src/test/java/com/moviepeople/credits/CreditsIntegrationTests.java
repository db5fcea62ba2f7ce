package com.moviepeople.credits;

import com.moviepeople.IntegrationTest;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.web.servlet.ResultActions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class CreditsIntegrationTests extends IntegrationTest {

    @Autowired
    CreditService credits;

    @Autowired
    ProductionService productions;

    private static String title(String base) {
        return base + " " + uniqueName("t").replace('-', ' ');
    }

    private long production(CurrentMember by, String title, int year) {
        return productions.create(by.id(), new ProductionForm(title, year, "feature", "", true)).production().id();
    }

    private long credit(CurrentMember member, long production, String role) {
        return credits.add(member.id(), new CreditForm(production, role, ""));
    }

    private ResultActions createProduction(CurrentMember me, String title, String year, String kind, String link) throws Exception {
        return mvc.perform(post("/productions").with(user(me)).with(csrf())
                .param("title", title).param("year", year).param("kind", kind).param("link", link));
    }

    private long productionsTitled(String title) {
        return jdbc.queryForObject("select count(*) from production where title_key = mp_title_key(?)", Long.class, title);
    }

    private long confirmations(long creditId) {
        return jdbc.queryForObject("select count(*) from credit_confirmation where credit_id = ?", Long.class, creditId);
    }

    // --- productions --------------------------------------------------------------------------

    @Test
    void createsAProductionAndSendsTheMemberToAddTheirCredit() throws Exception {
        CurrentMember me = newMember("prod");
        String title = title("Harbour Lights");
        createProduction(me, title, "2022", "short", "https://www.imdb.com/title/tt0000001/")
                .andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("/productions/*#add-credit"));
        var row = jdbc.queryForMap("select title, year, kind, link, created_by from production where title = ?", title);
        assertThat(row).containsEntry("year", 2022).containsEntry("kind", "short")
                .containsEntry("link", "https://www.imdb.com/title/tt0000001/").containsEntry("created_by", me.id());
    }

    @Test
    void theSameTitleIgnoringCaseAccentsAndPunctuationReusesTheProduction() throws Exception {
        CurrentMember me = newMember("same");
        String unique = uniqueName("x").replace("-", "");
        long id = production(me, "Amélie's Summer, " + unique, 2019);
        createProduction(newMember("again"), "AMELIES summer " + unique.toUpperCase() + "!", "2019", "feature", "")
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/productions/" + id + "#add-credit"));
        assertThat(productionsTitled("Amelies Summer " + unique)).isOne();
        // Another year is another production (a remake).
        createProduction(me, "Amélie's Summer, " + unique, "2021", "feature", "").andExpect(status().isFound());
        assertThat(productionsTitled("Amelies Summer " + unique)).isEqualTo(2);
    }

    @Test
    void aNearMatchIsOfferedBeforeANewProductionIsCreated() throws Exception {
        CurrentMember me = newMember("near");
        String unique = uniqueName("z").replace("-", "");
        long id = production(me, "The Lighthouse Keepers " + unique, 2020);
        // A typo and a missing "The": offered, nothing created.
        createProduction(me, "Lighthouse Keapers " + unique, "2020", "feature", "")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-near-match=\"" + id + "\"")))
                .andExpect(content().string(containsString("Did you mean")));
        assertThat(productionsTitled("Lighthouse Keapers " + unique)).isZero();
        // The member says it is a different one: created.
        mvc.perform(post("/productions").with(user(me)).with(csrf()).param("title", "Lighthouse Keapers " + unique)
                        .param("year", "2020").param("kind", "feature").param("link", "").param("confirmNew", "true"))
                .andExpect(status().isFound());
        assertThat(productionsTitled("Lighthouse Keapers " + unique)).isOne();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|2020|feature|''|title",
            "!!!|2020|feature|''|title",
            "Valid title|1700|feature|''|year",
            "Valid title|abc|feature|''|year",
            "Valid title|''|feature|''|year",
            "Valid title|2020|blockbuster|''|kind",
            "Valid title|2020|''|''|kind",
            "Valid title|2020|feature|javascript:alert(1)|link",
            "Valid title|2020|feature|http://www.imdb.com/title/tt1/|link",
            "Valid title|2020|feature|https://a.example/\"><script>|link"})
    void refusesBadProductionInputWithAMessageNextToTheField(String title, String year, String kind, String link,
                                                              String field) throws Exception {
        CurrentMember me = newMember("bad");
        long before = jdbc.queryForObject("select count(*) from production", Long.class);
        createProduction(me, title, year, kind, link)
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", field))
                .andExpect(content().string(containsString("id=\"" + field + "-error\"")));
        assertThat(jdbc.queryForObject("select count(*) from production", Long.class)).isEqualTo(before);
    }

    @Autowired
    CreditsHousekeeping housekeeping;

    @Test
    void aProductionNobodyTookACreditOnIsRemovedAfterADay() {
        CurrentMember me = newMember("empty");
        long empty = production(me, title("Never Credited"), 2020);
        long credited = production(me, title("Credited"), 2020);
        credit(me, credited, "Director");
        housekeeping.cleanUp(java.time.Instant.now());
        assertThat(jdbc.queryForObject("select count(*) from production where id = ?", Long.class, empty)).isOne();
        housekeeping.cleanUp(java.time.Instant.now().plus(java.time.Duration.ofDays(1)).plusSeconds(60));
        assertThat(jdbc.queryForObject("select count(*) from production where id = ?", Long.class, empty)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from production where id = ?", Long.class, credited)).isOne();
    }

    @Test
    void onlyVerifiedMembersCreateProductions() throws Exception {
        CurrentMember me = newMember("unverified");
        jdbc.update("update member set email_verified_at = null where id = ?", me.id());
        String title = title("Unverified Story");
        createProduction(me, title, "2020", "feature", "")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Confirm your e-mail address first")));
        assertThat(productionsTitled(title)).isZero();
    }

    @Test
    void findsProductionsByTitleForgivingTyposAndAccents() throws Exception {
        CurrentMember me = newMember("find");
        String unique = uniqueName("q").replace("-", "");
        long id = production(me, "Nocturne Lumière " + unique, 2018);
        credit(me, id, "Gaffer");
        for (String q : List.of("nocturne", "lumiere", "Nocturn " + unique, "NOCTURNE LUMIERE")) {
            mvc.perform(get("/productions").param("q", q).with(user(me)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("data-production-id=\"" + id + "\"")));
        }
        mvc.perform(get("/productions").param("q", "zzqqxx" + unique).with(user(me)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-productions-empty")));
        mvc.perform(get("/productions").param("q", "%' or 1=1 --").with(user(me))).andExpect(status().isOk());
    }

    // --- credits ------------------------------------------------------------------------------

    @Test
    void addsACreditWithItsDepartmentAndShowsItOnTheProductionAndTheProfile() throws Exception {
        CurrentMember me = newMember("credit");
        long production = production(me, title("Cold Open"), 2021);
        mvc.perform(post("/credits").with(user(me)).with(csrf()).param("productionId", String.valueOf(production))
                        .param("role", "  gaffer ").param("note", "2nd unit"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/productions/" + production));
        var row = jdbc.queryForMap("select id, role, department, note from credit where member_id = ?", me.id());
        assertThat(row).containsEntry("role", "Gaffer").containsEntry("department", "Lighting & Grip").containsEntry("note", "2nd unit");
        long creditId = (Long) row.get("id");
        mvc.perform(get("/productions/" + production))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-credit-id=\"" + creditId + "\"")))
                .andExpect(content().string(containsString("data-confirmations=\"0\"")))
                .andExpect(content().string(containsString("data-department=\"Lighting &amp; Grip\"")));
        mvc.perform(get("/people/" + me.username()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-credit-id=\"" + creditId + "\"")));
    }

    @Test
    void aFreeTextRoleIsKeptAndFiledUnderOther() {
        CurrentMember me = newMember("free");
        long production = production(me, title("Free Role"), 2021);
        long id = credit(me, production, "Intimacy Coordinator");
        assertThat(jdbc.queryForMap("select role, department from credit where id = ?", id))
                .containsEntry("role", "Intimacy Coordinator").containsEntry("department", "Other");
    }

    @Test
    void theSameRoleTwiceIsAFormErrorAndNothingIsWritten() throws Exception {
        CurrentMember me = newMember("twice");
        long production = production(me, title("Twice"), 2021);
        credit(me, production, "Film Editor");
        mvc.perform(post("/credits").with(user(me)).with(csrf()).param("productionId", String.valueOf(production))
                        .param("role", "FILM EDITOR").param("note", ""))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("creditForm", "role", "role.duplicate"));
        assertThat(jdbc.queryForObject("select count(*) from credit where member_id = ?", Long.class, me.id())).isOne();
        // Another role on the same production is another credit.
        credit(me, production, "Colorist");
        assertThat(jdbc.queryForObject("select count(*) from credit where member_id = ?", Long.class, me.id())).isEqualTo(2);
    }

    @Test
    void refusesBadCreditInput() throws Exception {
        CurrentMember me = newMember("badcredit");
        long production = production(me, title("Bad Credit"), 2021);
        mvc.perform(post("/credits").with(user(me)).with(csrf()).param("productionId", String.valueOf(production))
                        .param("role", " ").param("note", "kept note"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("creditForm", "role"))
                .andExpect(content().string(containsString("value=\"kept note\"")));
        mvc.perform(post("/credits").with(user(me)).with(csrf()).param("productionId", String.valueOf(production))
                        .param("role", "x".repeat(101)).param("note", "y".repeat(201)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("creditForm", "role", "note"));
        mvc.perform(post("/credits").with(user(me)).with(csrf()).param("productionId", "999999999").param("role", "Gaffer"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/credits").with(user(me)).with(csrf()).param("productionId", "abc").param("role", "Gaffer"))
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select count(*) from credit where member_id = ?", Long.class, me.id())).isZero();
    }

    @Test
    void onlyTheOwnerDeletesACreditAndTheLastCreditTakesTheProductionWithIt() throws Exception {
        CurrentMember me = newMember("del");
        CurrentMember other = newMember("other");
        long production = production(me, title("Gone Soon"), 2021);
        long mine = credit(me, production, "Director");
        mvc.perform(post("/credits/" + mine + "/delete").with(user(other)).with(csrf())).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select count(*) from credit where id = ?", Long.class, mine)).isOne();
        mvc.perform(post("/credits/" + mine + "/delete").with(user(me)).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/people/" + me.username()));
        assertThat(jdbc.queryForObject("select count(*) from production where id = ?", Long.class, production)).isZero();
        mvc.perform(get("/productions/" + production)).andExpect(status().isNotFound());
    }

    // --- confirmations ------------------------------------------------------------------------

    @Test
    void aColleagueConfirmsOnceAndTheProfileShowsWhoConfirmed() throws Exception {
        CurrentMember maya = newMember("maya");
        CurrentMember julien = newMember("julien");
        long production = production(maya, title("Night Shift"), 2022);
        long mayas = credit(maya, production, "Film Editor");
        credit(julien, production, "Director");

        mvc.perform(post("/credits/" + mayas + "/confirm").with(user(julien)).with(csrf())
                        .param("returnTo", "/people/" + maya.username() + "#credits"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/people/" + maya.username() + "#credits"));
        mvc.perform(post("/credits/" + mayas + "/confirm").with(user(julien)).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/productions/" + production));
        assertThat(confirmations(mayas)).isOne();

        mvc.perform(get("/people/" + maya.username()).with(user(newMember("viewer"))))
                .andExpect(content().string(containsString("data-confirmations=\"1\"")))
                .andExpect(content().string(containsString("Confirmed by 1 colleague")))
                .andExpect(content().string(containsString(">Julien Tester</a>")));
        // Visitors see the count, not the names.
        mvc.perform(get("/people/" + maya.username()))
                .andExpect(content().string(containsString("data-confirmations=\"1\"")))
                .andExpect(content().string(not(containsString(">Julien Tester</a>"))));

        mvc.perform(post("/credits/" + mayas + "/unconfirm").with(user(julien)).with(csrf())).andExpect(status().isFound());
        assertThat(confirmations(mayas)).isZero();
    }

    @Test
    void theProfileShowsEveryChangeAtOnceThoughItKeepsCreditsInMemory() throws Exception {
        CurrentMember owner = newMember("cached");
        CurrentMember colleague = newMember("cacher");
        CurrentMember viewer = newMember("cachewatch");
        long production = production(owner, title("Cached"), 2022);
        long credit = credit(owner, production, "Director");
        String profile = "/people/" + owner.username();
        mvc.perform(get(profile).with(user(viewer))).andExpect(content().string(containsString("data-confirmations=\"0\"")));
        credit(colleague, production, "Gaffer");
        mvc.perform(get(profile).with(user(colleague))).andExpect(content().string(containsString("data-worked-together=\"1\"")));
        credits.confirm(colleague.id(), credit);
        mvc.perform(get(profile).with(user(viewer))).andExpect(content().string(containsString("data-confirmations=\"1\"")));
        credits.setHidden(owner.id(), credit, colleague.username(), true);
        mvc.perform(get(profile).with(user(viewer))).andExpect(content().string(containsString("data-confirmations=\"0\"")));
        credits.setHidden(owner.id(), credit, colleague.username(), false);
        mvc.perform(get(profile).with(user(viewer))).andExpect(content().string(containsString("data-confirmations=\"1\"")));
        // A member blocked by the viewer: their confirmation is left out for that viewer only.
        mvc.perform(post("/people/" + colleague.username() + "/block").with(user(viewer)).with(csrf()));
        mvc.perform(get(profile).with(user(viewer))).andExpect(content().string(containsString("data-confirmations=\"0\"")));
        mvc.perform(get(profile).with(user(newMember("other")))).andExpect(content().string(containsString("data-confirmations=\"1\"")));
        long second = credit(owner, production, "Producer");
        mvc.perform(get(profile).with(user(viewer))).andExpect(content().string(containsString("data-credit-id=\"" + second + "\"")));
        credits.delete(owner.id(), second);
        mvc.perform(get(profile).with(user(viewer))).andExpect(content().string(not(containsString("data-credit-id=\"" + second + "\""))));
    }

    @Test
    void theOwnerAMemberWithoutACreditThereAndABlockedColleagueCannotConfirm() throws Exception {
        CurrentMember owner = newMember("owner");
        CurrentMember stranger = newMember("stranger");
        CurrentMember blocked = newMember("blocked");
        long production = production(owner, title("Closed Set"), 2022);
        long credit = credit(owner, production, "Producer");
        credit(blocked, production, "Gaffer");
        // The stranger holds a credit elsewhere only.
        credit(stranger, production(stranger, title("Elsewhere"), 2022), "Gaffer");
        mvc.perform(post("/people/" + blocked.username() + "/block").with(user(owner)).with(csrf()));

        for (CurrentMember who : List.of(owner, stranger, blocked)) {
            mvc.perform(post("/credits/" + credit + "/confirm").with(user(who)).with(csrf())).andExpect(status().isNotFound());
        }
        mvc.perform(post("/credits/999999999/confirm").with(user(stranger)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/credits/" + credit + "/unconfirm").with(user(stranger)).with(csrf())).andExpect(status().isNotFound());
        assertThat(confirmations(credit)).isZero();
    }

    @Test
    void aBlockWithdrawsThePairsConfirmations() throws Exception {
        CurrentMember a = newMember("blocka");
        CurrentMember b = newMember("blockb");
        long production = production(a, title("Feud"), 2020);
        long as = credit(a, production, "Director");
        long bs = credit(b, production, "Producer");
        credits.confirm(a.id(), bs);
        credits.confirm(b.id(), as);
        mvc.perform(post("/people/" + b.username() + "/block").with(user(a)).with(csrf())).andExpect(status().isFound());
        assertThat(confirmations(as) + confirmations(bs)).isZero();
    }

    @Test
    void theOwnerHidesAConfirmationFromTheirProfileAndOnlyTheOwnerCan() throws Exception {
        CurrentMember owner = newMember("hider");
        CurrentMember colleague = newMember("colleague");
        long production = production(owner, title("Quiet"), 2023);
        long credit = credit(owner, production, "Composer");
        credit(colleague, production, "Music Editor");
        credits.confirm(colleague.id(), credit);

        String hide = "/credits/" + credit + "/confirmations/" + colleague.username() + "/hide";
        mvc.perform(post(hide).with(user(colleague)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post(hide).with(user(newMember("someone"))).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/credits/" + credit + "/confirmations/nobody-like-this/hide").with(user(owner)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select hidden from credit_confirmation where credit_id = ?", Boolean.class, credit)).isFalse();

        mvc.perform(post(hide).with(user(owner)).with(csrf())).andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select hidden from credit_confirmation where credit_id = ?", Boolean.class, credit)).isTrue();
        mvc.perform(get("/people/" + owner.username()).with(user(newMember("looker"))))
                .andExpect(content().string(containsString("data-confirmations=\"0\"")));
        mvc.perform(get("/people/" + owner.username()).with(user(owner)))
                .andExpect(content().string(containsString("data-hidden-confirmations")));
    }

    @Test
    void aMemberWhoRemovesTheirLastCreditOnAProductionWithdrawsTheirConfirmationsThere() {
        CurrentMember owner = newMember("keeps");
        CurrentMember leaver = newMember("leaves");
        long production = production(owner, title("Leaving"), 2020);
        long credit = credit(owner, production, "Director");
        long first = credit(leaver, production, "Gaffer");
        long second = credit(leaver, production, "Electrician");
        credits.confirm(leaver.id(), credit);
        credits.delete(leaver.id(), first);
        assertThat(confirmations(credit)).isOne();
        credits.delete(leaver.id(), second);
        assertThat(confirmations(credit)).isZero();
    }

    @Test
    void aDeletedMembersCreditsAndConfirmationsGoAndCountsStayRight() {
        CurrentMember owner = newMember("stays");
        CurrentMember gone = newMember("deleted");
        long production = production(owner, title("Aftermath"), 2020);
        long credit = credit(owner, production, "Director");
        long theirs = credit(gone, production, "Gaffer");
        credits.confirm(gone.id(), credit);
        credits.confirm(owner.id(), theirs);
        long alone = production(gone, title("Solo"), 2020);
        credit(gone, alone, "Director");

        jdbc.update("delete from member where id = ?", gone.id());

        assertThat(confirmations(credit)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from credit where production_id = ?", Long.class, production)).isOne();
        assertThat(jdbc.queryForObject("select count(*) from production where id = ?", Long.class, alone)).isZero();
        assertThat(credits.profileCredits(owner.id(), null, java.util.Set.of()).credits())
                .singleElement().satisfies(c -> assertThat(c.confirmationCount()).isZero());
    }

    @Test
    void eightSimultaneousConfirmsFromOneMemberLeaveOne() throws Exception {
        CurrentMember owner = newMember("race");
        CurrentMember colleague = newMember("racer");
        long production = production(owner, title("Race"), 2020);
        long credit = credit(owner, production, "Director");
        credit(colleague, production, "Gaffer");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return credits.confirm(colleague.id(), credit);
                }));
            }
            start.countDown();
            for (Future<Long> result : results) {
                assertThat(result.get()).isEqualTo(production);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(confirmations(credit)).isOne();
    }

    @Test
    void theDatabaseRefusesSelfConfirmationsSecondConfirmationsAndDuplicateCredits() {
        CurrentMember owner = newMember("db");
        CurrentMember colleague = newMember("dbc");
        long production = production(owner, title("Constraints"), 2020);
        long credit = credit(owner, production, "Director");
        credit(colleague, production, "Gaffer");
        assertThatThrownBy(() -> jdbc.update("""
                insert into credit_confirmation (credit_id, credit_owner_id, production_id, confirmer_id)
                values (?, ?, ?, ?)""", credit, owner.id(), production, owner.id()))
                .isInstanceOf(DataIntegrityViolationException.class);
        // Lying about the owner does not get past the foreign key.
        assertThatThrownBy(() -> jdbc.update("""
                insert into credit_confirmation (credit_id, credit_owner_id, production_id, confirmer_id)
                values (?, ?, ?, ?)""", credit, colleague.id(), production, owner.id()))
                .isInstanceOf(DataIntegrityViolationException.class);
        jdbc.update("insert into credit_confirmation (credit_id, credit_owner_id, production_id, confirmer_id) values (?, ?, ?, ?)",
                credit, owner.id(), production, colleague.id());
        assertThatThrownBy(() -> jdbc.update("""
                insert into credit_confirmation (credit_id, credit_owner_id, production_id, confirmer_id)
                values (?, ?, ?, ?)""", credit, owner.id(), production, colleague.id()))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.update("""
                insert into credit (production_id, member_id, role, department) values (?, ?, 'director', 'Direction')""",
                production, owner.id()))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    // --- worked together ----------------------------------------------------------------------

    @Test
    void theProfileSaysWhichProductionsTheViewerSharesWithTheOwner() throws Exception {
        CurrentMember owner = newMember("shared");
        CurrentMember viewer = newMember("sharer");
        CurrentMember stranger = newMember("apart");
        String title = title("Together");
        long production = production(owner, title, 2022);
        credit(owner, production, "Director");
        credit(viewer, production, "Gaffer");
        mvc.perform(get("/people/" + owner.username()).with(user(viewer)))
                .andExpect(content().string(containsString("data-worked-together=\"1\"")))
                .andExpect(content().string(containsString(title + " (2022)")));
        mvc.perform(get("/people/" + owner.username()).with(user(stranger)))
                .andExpect(content().string(not(containsString("data-worked-together"))));
        mvc.perform(get("/people/" + owner.username()).with(user(owner)))
                .andExpect(content().string(not(containsString("data-worked-together"))));
    }

    @Test
    void suggestsColleaguesNotYetConnectedMostSharedFirst() throws Exception {
        CurrentMember me = newMember("suggest");
        CurrentMember twice = newMember("twice");
        CurrentMember once = newMember("once");
        CurrentMember connected = newMember("connected");
        long p1 = production(me, title("First Film"), 2020);
        long p2 = production(me, title("Second Film"), 2021);
        credit(me, p1, "Director");
        credit(me, p2, "Director");
        credit(twice, p1, "Gaffer");
        credit(twice, p2, "Gaffer");
        credit(once, p1, "Colorist");
        credit(connected, p1, "Producer");
        connect(me, connected);

        String page = mvc.perform(get("/connections/suggestions").with(user(me)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-suggestion=\"" + twice.username() + "\"", "data-suggestion=\"" + once.username() + "\"")
                .doesNotContain("data-suggestion=\"" + connected.username() + "\"");
        assertThat(page.indexOf("data-suggestion=\"" + twice.username())).isLessThan(page.indexOf("data-suggestion=\"" + once.username()));
        assertThat(page).contains("data-shared=\"2\"");

        mvc.perform(get("/connections/suggestions").with(user(newMember("lonely"))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("data-suggestions-empty")));
    }

    // --- portfolio ---------------------------------------------------------------------------------

    @Test
    void aPortfolioItemProvesOneOfTheOwnersCreditsAndNeverSomeoneElses() throws Exception {
        CurrentMember me = newMember("reel");
        CurrentMember other = newMember("notmine");
        long production = production(me, title("Showreel Film"), 2023);
        long mine = credit(me, production, "Colorist");
        long theirs = credit(other, production, "Gaffer");
        mvc.perform(get("/portfolio/new").with(user(me)))
                .andExpect(content().string(containsString("<option value=\"" + mine + "\">Colorist · ")));

        mvc.perform(post("/portfolio").with(user(me)).with(csrf()).param("title", "Grade reel").param("description", "")
                        .param("mediaUrl", "").param("year", "").param("creditRole", "").param("creditId", String.valueOf(theirs)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "creditId", "creditId.notYours"));
        assertThat(jdbc.queryForObject("select count(*) from portfolio_item where owner_id = ?", Long.class, me.id())).isZero();

        mvc.perform(post("/portfolio").with(user(me)).with(csrf()).param("title", "Grade reel").param("description", "")
                        .param("mediaUrl", "").param("year", "").param("creditRole", "").param("creditId", String.valueOf(mine)))
                .andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select credit_id from portfolio_item where owner_id = ?", Long.class, me.id())).isEqualTo(mine);
        mvc.perform(get("/people/" + me.username()))
                .andExpect(content().string(containsString("data-proves-credit=\"" + mine + "\"")));

        // The credit goes: the item stays, unlinked.
        credits.delete(me.id(), mine);
        assertThat(jdbc.queryForObject("select credit_id from portfolio_item where owner_id = ?", Long.class, me.id())).isNull();
    }

    // --- feed ------------------------------------------------------------------------------------

    private List<java.util.Map<String, Object>> creditPosts(long creditId) {
        return jdbc.queryForList("select kind, author_id, confirmer_id, item_title from post where credit_id = ? order by id", creditId);
    }

    @Test
    void aNewCreditAndAConfirmationAppearInTheNetworksFeedAndGoWhenWithdrawn() throws Exception {
        CurrentMember owner = newMember("poster");
        CurrentMember colleague = newMember("confirmer");
        CurrentMember friend = newMember("friend");
        connect(owner, friend);
        String title = title("Feed Film");
        long production = production(owner, title, 2024);
        long credit = credit(owner, production, "Gaffer");
        credit(colleague, production, "Director");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> creditPosts(credit).size() == 1);
        credits.confirm(colleague.id(), credit);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> creditPosts(credit).size() == 2);
        assertThat(creditPosts(credit)).extracting(r -> r.get("kind"), r -> r.get("author_id"), r -> r.get("item_title"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CREDIT", owner.id(), "Gaffer · " + title + " (2024)"),
                        org.assertj.core.groups.Tuple.tuple("CONFIRMATION", owner.id(), "Gaffer · " + title + " (2024)"));
        mvc.perform(get("/feed").with(user(friend)))
                .andExpect(content().string(containsString("data-credit-post=\"added\"")))
                .andExpect(content().string(containsString("data-credit-post=\"confirmed\"")))
                .andExpect(content().string(containsString(">Confirmer Tester</a>")));

        // The confirmer leaves the production: their confirmation and its post go.
        long colleagueCredit = jdbc.queryForObject("select id from credit where member_id = ?", Long.class, colleague.id());
        credits.delete(colleague.id(), colleagueCredit);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> creditPosts(credit).size() == 1);
        credits.delete(owner.id(), credit);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> creditPosts(credit).isEmpty());
    }

    // --- search -----------------------------------------------------------------------------------

    @Test
    void searchFindsPeopleByAProductionTheyWorkedOn() throws Exception {
        CurrentMember me = newMember("searcher");
        CurrentMember crew = newMember("crewmember");
        CurrentMember other = newMember("elsewhere");
        String unique = uniqueName("w").replace("-", "");
        long production = production(crew, "Świt nad Wisłą " + unique, 2021);
        credit(crew, production, "Gaffer");
        credit(other, production(other, title("Another Picture"), 2021), "Gaffer");
        for (String workedOn : List.of("swit nad wisla " + unique, "Wisla " + unique, "Swit nad Wislaa " + unique)) {
            String page = mvc.perform(get("/search").param("workedOn", workedOn).with(user(me)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).contains("data-member=\"" + crew.username() + "\"")
                    .doesNotContain("data-member=\"" + other.username() + "\"");
        }
        // Combined with the other filters, all must match.
        mvc.perform(get("/search").param("workedOn", "wisla " + unique).param("role", "zzz").with(user(me)))
                .andExpect(content().string(not(containsString("data-member=\"" + crew.username() + "\""))));
        mvc.perform(get("/search").param("workedOn", "''; drop table credit; --").with(user(me))).andExpect(status().isOk());
    }

    // --- access ----------------------------------------------------------------------------------

    @Test
    void visitorsSeeAProductionButWriteNothing() throws Exception {
        CurrentMember owner = newMember("public");
        long production = production(owner, title("Public Page"), 2020);
        long credit = credit(owner, production, "Director");
        mvc.perform(get("/productions/" + production)).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-prompt=\"login-to-confirm\"")));
        mvc.perform(get("/productions")).andExpect(status().isFound());
        mvc.perform(get("/productions/new")).andExpect(status().isFound());
        mvc.perform(get("/connections/suggestions")).andExpect(status().isFound());
        mvc.perform(post("/credits").with(csrf()).param("productionId", String.valueOf(production)).param("role", "Gaffer"))
                .andExpect(status().isFound());
        mvc.perform(post("/credits/" + credit + "/delete").with(csrf())).andExpect(status().isFound());
        // Without the CSRF token nothing happens, logged in or not.
        mvc.perform(post("/credits/" + credit + "/delete").with(user(owner))).andExpect(status().isForbidden());
        mvc.perform(post("/productions").with(user(owner)).param("title", "No Token").param("year", "2020").param("kind", "short"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from credit where production_id = ?", Long.class, production)).isOne();
    }
}
