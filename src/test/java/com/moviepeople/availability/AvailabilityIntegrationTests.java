package com.moviepeople.availability;

import com.moviepeople.IntegrationTest;
import com.moviepeople.shared.CurrentMember;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Ranges, their rules, the answers others get, who gets them, search by dates and the calendar feed. */
class AvailabilityIntegrationTests extends IntegrationTest {

    @Autowired
    Availability availability;

    @Autowired
    AvailabilityService service;

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    /** The first of a month three months ahead: every date below is relative to it. */
    private static final LocalDate MONTH = TODAY.plusMonths(3).withDayOfMonth(1);

    private MockHttpServletResponse add(CurrentMember me, Object start, Object end, String status, String rank, String note)
            throws Exception {
        return mvc.perform(post("/availability").with(user(me)).with(csrf())
                .param("startDate", String.valueOf(start)).param("endDate", String.valueOf(end))
                .param("status", status).param("holdRank", rank == null ? "" : rank).param("note", note == null ? "" : note))
                .andReturn().getResponse();
    }

    private long ranges(CurrentMember me) {
        return jdbc.queryForObject("select count(*) from availability_range where member_id = ?", Long.class, me.id());
    }

    private long rangeId(CurrentMember me, LocalDate start) {
        return jdbc.queryForObject("select id from availability_range where member_id = ? and start_date = ?", Long.class,
                me.id(), start);
    }

    private String page(CurrentMember viewer, String url) throws Exception {
        return mvc.perform(get(url).with(user(viewer))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private void visibility(CurrentMember me, String value) throws Exception {
        mvc.perform(post("/settings/availability").with(user(me)).with(csrf()).param("visibility", value))
                .andExpect(status().is3xxRedirection());
    }

    // --- Keeping ranges -------------------------------------------------------------------------

    @Test
    void addsARangeAndListsItWithItsPrivateNote() throws Exception {
        CurrentMember maya = newMember("maya");
        var response = add(maya, MONTH, MONTH.plusDays(30), "available", null, "Free after the Lisbon shoot");
        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).isEqualTo("/availability");
        long id = rangeId(maya, MONTH);
        String html = page(maya, "/availability");
        assertThat(html).contains("data-range-id=\"" + id + "\"").contains("data-status=\"available\"")
                .contains("Free after the Lisbon shoot");
        assertThat(jdbc.queryForObject("select hold_rank is null and status = 'AVAILABLE' from availability_range where id = ?",
                Boolean.class, id)).isTrue();
    }

    @Test
    void aHoldNeedsItsRankAndOtherStatesHaveNone() throws Exception {
        CurrentMember maya = newMember("maya");
        var missing = add(maya, MONTH, MONTH.plusDays(2), "hold", "", null);
        assertThat(missing.getStatus()).isEqualTo(200);
        assertThat(missing.getContentAsString()).contains("Choose first or second hold.");
        assertThat(add(maya, MONTH, MONTH.plusDays(2), "hold", "2", "Pencilled by Studio Norte").getStatus()).isEqualTo(302);
        assertThat(add(maya, MONTH.plusDays(3), MONTH.plusDays(4), "booked", "1", null).getStatus()).isEqualTo(302);
        assertThat(jdbc.queryForList("select coalesce(hold_rank, 0) from availability_range where member_id = ? order by start_date",
                Integer.class, maya.id())).containsExactly(2, 0);
        assertThat(page(maya, "/availability")).contains("Second hold").contains("Booked");
    }

    @Test
    void badInputGetsAMessageNextToTheFieldKeepsTheFormAndStoresNothing() throws Exception {
        CurrentMember maya = newMember("maya");
        int leapYear = TODAY.getYear() + 1;
        while (!java.time.Year.isLeap(leapYear)) {
            leapYear++;
        }
        record Case(String start, String end, String status, String rank, String note, String message) {
        }
        List<Case> cases = List.of(
                new Case(MONTH.getYear() + 1 + "-02-30", MONTH.plusDays(3).toString(), "available", "", "", "There is no such day in the calendar."),
                new Case(MONTH.toString(), (leapYear + 1) + "-02-29", "available", "", "", "There is no such day in the calendar."),
                new Case("tomorrow", MONTH.toString(), "available", "", "", "Enter a date like 2027-03-01."),
                new Case("", MONTH.toString(), "available", "", "", "Enter the first day."),
                new Case(MONTH.plusDays(5).toString(), MONTH.toString(), "available", "", "", "The last day is before the first."),
                new Case(TODAY.minusDays(20).toString(), TODAY.minusDays(1).toString(), "available", "", "", "This range is over"),
                new Case(MONTH.toString(), MONTH.plusYears(2).toString(), "available", "", "", "A range is at most two years long"),
                new Case(TODAY.plusYears(3).toString(), TODAY.plusYears(3).plusDays(1).toString(), "available", "", "", "years ahead"),
                new Case(MONTH.toString(), MONTH.toString(), "free-ish", "", "", "Choose available, on hold or booked."),
                new Case(MONTH.toString(), MONTH.toString(), "available", "", "x".repeat(201), "A note is at most 200 characters."));
        for (Case c : cases) {
            var response = add(maya, c.start(), c.end(), c.status(), c.rank(), c.note());
            assertThat(response.getStatus()).as(c.toString()).isEqualTo(200);
            String html = response.getContentAsString();
            assertThat(html).as(c.toString()).contains(c.message()).contains("is-invalid").contains("invalid-feedback");
            // What was typed is still there.
            assertThat(html).as(c.toString()).contains("value=\"" + c.start() + "\"");
        }
        // Dates never shift: the leap day itself is fine.
        assertThat(add(maya, leapYear + "-02-28", leapYear + "-03-01", "available", null, null).getStatus()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select end_date - start_date from availability_range where member_id = ?", Integer.class,
                maya.id())).isEqualTo(2);
        assertThat(ranges(maya)).isEqualTo(1);
    }

    @Test
    void rangesNeverOverlapInCodeOrInTheDatabase() throws Exception {
        CurrentMember maya = newMember("maya");
        assertThat(add(maya, MONTH, MONTH.plusDays(9), "booked", null, "Feature").getStatus()).isEqualTo(302);
        // Sharing the last day is an overlap; the message names the other range.
        var response = add(maya, MONTH.plusDays(9), MONTH.plusDays(12), "available", null, null);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("These days overlap your range").contains("(booked)");
        // The next day is fine.
        assertThat(add(maya, MONTH.plusDays(10), MONTH.plusDays(12), "available", null, null).getStatus()).isEqualTo(302);
        // The database refuses an overlap written past the code...
        assertThatThrownBy(() -> jdbc.update("""
                insert into availability_range (member_id, start_date, end_date, status) values (?, ?, ?, 'AVAILABLE')""",
                maya.id(), MONTH.plusDays(12), MONTH.plusDays(20)))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("availability_range_no_overlap");
        // ...and when two requests race past the check, one of them wins.
        CurrentMember ben = newMember("ben");
        AvailabilityService.Checked a = new AvailabilityService.Checked(MONTH, MONTH.plusDays(5), AvailabilityStatus.AVAILABLE, null, null);
        AvailabilityService.Checked b = new AvailabilityService.Checked(MONTH.plusDays(5), MONTH.plusDays(8), AvailabilityStatus.BOOKED, null, null);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> results = pool.invokeAll(List.<Callable<Boolean>>of(() -> tryAdd(ben, a), () -> tryAdd(ben, b)));
            int stored = 0;
            for (Future<Boolean> f : results) {
                stored += f.get() ? 1 : 0;
            }
            assertThat(stored).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(ranges(ben)).isEqualTo(1);
        // Other members' ranges are no obstacle.
        assertThat(add(ben, MONTH.plusDays(20), MONTH.plusDays(21), "available", null, null).getStatus()).isEqualTo(302);
    }

    private boolean tryAdd(CurrentMember me, AvailabilityService.Checked range) {
        try {
            service.add(me.id(), range);
            return true;
        } catch (AvailabilityService.OverlapException e) {
            return false;
        }
    }

    @Test
    void changesAndDeletesOnlyMyOwnRanges() throws Exception {
        CurrentMember maya = newMember("maya");
        CurrentMember intruder = newMember("intruder");
        add(maya, MONTH, MONTH.plusDays(4), "available", null, "Secret client");
        long id = rangeId(maya, MONTH);

        assertThat(page(maya, "/availability?edit=" + id)).contains("data-form=\"edit-range\"");
        mvc.perform(get("/availability").param("edit", String.valueOf(id)).with(user(intruder))).andExpect(status().isNotFound());
        mvc.perform(post("/availability/" + id).with(user(intruder)).with(csrf())
                        .param("startDate", MONTH.toString()).param("endDate", MONTH.plusDays(1).toString()).param("status", "booked"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/availability/" + id + "/delete").with(user(intruder)).with(csrf())).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select end_date from availability_range where id = ?", LocalDate.class, id))
                .isEqualTo(MONTH.plusDays(4));
        assertThat(page(intruder, "/availability")).doesNotContain("Secret client");

        // The owner changes it (its own days do not count as an overlap), then deletes it.
        mvc.perform(post("/availability/" + id).with(user(maya)).with(csrf())
                        .param("startDate", MONTH.plusDays(1).toString()).param("endDate", MONTH.plusDays(6).toString())
                        .param("status", "hold").param("holdRank", "1").param("note", "Pencilled"))
                .andExpect(redirectedUrl("/availability"));
        assertThat(jdbc.queryForObject("select status || hold_rank || ':' || period::text from availability_range where id = ?",
                String.class, id)).isEqualTo("HOLD1:[" + MONTH.plusDays(1) + "," + MONTH.plusDays(7) + ")");
        var bad = mvc.perform(post("/availability/" + id).with(user(maya)).with(csrf())
                .param("startDate", MONTH.toString()).param("endDate", "soon").param("status", "booked")).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(200);
        assertThat(bad.getContentAsString()).contains("Enter a date like 2027-03-01.").contains("value=\"soon\"");
        mvc.perform(post("/availability/" + id + "/delete").with(user(maya)).with(csrf())).andExpect(redirectedUrl("/availability"));
        assertThat(ranges(maya)).isZero();
        mvc.perform(post("/availability/" + id + "/delete").with(user(maya)).with(csrf())).andExpect(status().isNotFound());
    }

    @Test
    void pastRangesDropOutOfTheListAndTheFeed() throws Exception {
        CurrentMember maya = newMember("maya");
        jdbc.update("insert into availability_range (member_id, start_date, end_date, status, note) values (?, ?, ?, 'BOOKED', 'Last year''s job')",
                maya.id(), TODAY.minusDays(30), TODAY.minusDays(1));
        jdbc.update("insert into availability_range (member_id, start_date, end_date, status, note) values (?, ?, ?, 'BOOKED', 'Ends today')",
                maya.id(), TODAY, TODAY);
        String html = page(maya, "/availability");
        assertThat(html).doesNotContain("Last year").contains("Ends today");
        assertThat(service.upcoming(maya.id())).extracting(AvailabilityRange::note).containsExactly("Ends today");
    }

    // --- Answers: the rule at its edges (the SQL function directly, dates as the database sees them) --

    private String answer(long member, long viewer, String first, String last) {
        return jdbc.queryForObject("select mp_availability(?, ?, cast(? as date), cast(? as date))", String.class,
                member, viewer, first, last);
    }

    private void range(long member, String start, String end, String status) {
        jdbc.update("insert into availability_range (member_id, start_date, end_date, status, hold_rank) values (?, cast(? as date), cast(? as date), ?, ?)",
                member, start, end, status, status.equals("HOLD") ? 1 : null);
    }

    @Test
    void answersAtTheEdgesOfRangesLeapDaysAndYearEnds() {
        CurrentMember maya = newMember("maya");
        long m = maya.id();
        range(m, "2031-03-01", "2031-03-31", "AVAILABLE");
        range(m, "2031-04-01", "2031-04-03", "HOLD");
        range(m, "2031-04-04", "2031-04-06", "BOOKED");
        range(m, "2031-12-28", "2032-01-03", "AVAILABLE");
        range(m, "2032-02-28", "2032-02-29", "AVAILABLE");
        range(m, "2032-03-02", "2032-03-02", "AVAILABLE");

        assertThat(answer(m, m, "2031-03-01", "2031-03-31")).as("exactly the range").isEqualTo("available");
        assertThat(answer(m, m, "2031-03-01", "2031-03-01")).as("its first day").isEqualTo("available");
        assertThat(answer(m, m, "2031-03-31", "2031-03-31")).as("its last day").isEqualTo("available");
        assertThat(answer(m, m, "2031-02-28", "2031-03-01")).as("a day before it").isEqualTo("partly");
        assertThat(answer(m, m, "2031-03-31", "2031-04-01")).as("into a hold").isEqualTo("partly");
        assertThat(answer(m, m, "2031-03-31", "2031-04-04")).as("a booked day").isEqualTo("unavailable");
        assertThat(answer(m, m, "2031-04-01", "2031-04-03")).as("only holds").isEqualTo("unavailable");
        assertThat(answer(m, m, "2031-02-01", "2031-02-27")).as("nothing entered").isEqualTo("unavailable");
        assertThat(answer(m, m, "2031-12-31", "2032-01-01")).as("across the year end").isEqualTo("available");
        assertThat(answer(m, m, "2031-12-28", "2032-01-04")).as("one day past it").isEqualTo("partly");
        assertThat(answer(m, m, "2032-02-28", "2032-02-29")).as("with the leap day").isEqualTo("available");
        assertThat(answer(m, m, "2032-02-29", "2032-03-01")).as("the day after the leap day is not marked").isEqualTo("partly");
        assertThat(answer(m, m, "2032-02-28", "2032-03-02")).as("a gap of one day").isEqualTo("partly");
    }

    @Test
    void datesAreCalendarDatesWhateverTheServersTimeZone() throws Exception {
        TimeZone original = TimeZone.getDefault();
        CurrentMember maya = newMember("maya");
        try {
            // Far from UTC both ways: a date stored or written through a time zone would move a day.
            List<String> zones = List.of("Pacific/Kiritimati", "Pacific/Pago_Pago");
            for (String zone : zones) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                LocalDate start = MONTH.plusDays(5L * zones.indexOf(zone));
                assertThat(add(maya, start, start.plusDays(1), "booked", null, zone).getStatus()).isEqualTo(302);
                assertThat(jdbc.queryForObject("select start_date::text || '/' || end_date::text from availability_range where note = ?",
                        String.class, zone)).isEqualTo(start + "/" + start.plusDays(1));
                String feed = feedText(maya);
                assertThat(feed).contains("DTSTART;VALUE=DATE:" + start.toString().replace("-", ""))
                        .contains("DTEND;VALUE=DATE:" + start.plusDays(2).toString().replace("-", ""));
            }
        } finally {
            TimeZone.setDefault(original);
        }
    }

    // --- Who learns what --------------------------------------------------------------------------

    @Test
    void theProfileShowsEightWeeksOfAnswersOnlyToThoseAllowed() throws Exception {
        CurrentMember maya = newMember("maya");
        CurrentMember friend = newMember("friend");
        CurrentMember stranger = newMember("stranger");
        connect(maya, friend);
        LocalDate monday = TODAY.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        // Week 3 (index 2) all available, week 4 partly, the rest nothing; a private note on the booking.
        range(maya.id(), monday.plusWeeks(2).toString(), monday.plusWeeks(2).plusDays(6).toString(), "AVAILABLE");
        range(maya.id(), monday.plusWeeks(3).toString(), monday.plusWeeks(3).plusDays(2).toString(), "AVAILABLE");
        jdbc.update("insert into availability_range (member_id, start_date, end_date, status, note) values (?, ?, ?, 'BOOKED', 'Secret Netflix job')",
                maya.id(), monday.plusWeeks(5), monday.plusWeeks(5).plusDays(1));

        String seenByFriend = page(friend, "/people/" + maya.username());
        assertThat(seenByFriend).contains("data-availability-strip");
        assertThat(count(seenByFriend, "data-week=")).isEqualTo(8);
        assertThat(seenByFriend).contains("data-week=\"" + monday.plusWeeks(2) + "\" data-availability=\"available\"")
                .contains("data-week=\"" + monday.plusWeeks(3) + "\" data-availability=\"partly\"")
                .contains("data-week=\"" + monday.plusWeeks(5) + "\" data-availability=\"unavailable\"")
                .doesNotContain("Secret Netflix job").doesNotContain("Booked");
        // The first week starts today.
        assertThat(seenByFriend).contains("data-week=\"" + (TODAY.isAfter(monday) ? TODAY : monday) + "\"");

        // Default visibility is connections: a stranger and an anonymous visitor learn nothing.
        assertThat(page(stranger, "/people/" + maya.username())).doesNotContain("data-availability");
        assertThat(mvc.perform(get("/people/" + maya.username())).andReturn().getResponse().getContentAsString())
                .doesNotContain("data-availability");

        visibility(maya, "everyone");
        assertThat(page(stranger, "/people/" + maya.username())).contains("data-availability-strip").doesNotContain("Secret Netflix job");
        assertThat(mvc.perform(get("/people/" + maya.username())).andReturn().getResponse().getContentAsString())
                .as("not logged in").doesNotContain("data-availability");

        visibility(maya, "nobody");
        assertThat(page(friend, "/people/" + maya.username())).doesNotContain("data-availability");
        assertThat(page(maya, "/people/" + maya.username())).as("the owner always sees it").contains("data-availability-strip")
                .contains("data-action=\"manage-availability\"");

        assertThat(availability.answer(maya.id(), friend.id(), new AvailabilityPeriod(monday.plusWeeks(2), monday.plusWeeks(2).plusDays(6))))
                .isEmpty();
        assertThat(availability.answer(maya.id(), maya.id(), new AvailabilityPeriod(monday.plusWeeks(2), monday.plusWeeks(2).plusDays(6))))
                .contains(AvailabilityAnswer.AVAILABLE);
    }

    @Test
    void anUnknownVisibilityChangesNothing() throws Exception {
        CurrentMember maya = newMember("maya");
        visibility(maya, "everyone");
        String html = mvc.perform(post("/settings/availability").with(user(maya)).with(csrf()).param("visibility", "the-world"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Choose who may see your availability").contains("data-form=\"availability-visibility\"");
        assertThat(jdbc.queryForObject("select visibility from availability_setting where member_id = ?", String.class, maya.id()))
                .isEqualTo("EVERYONE");
    }

    /**
     * The page's main part (not the navigation, whose bell may change meanwhile) without its CSRF
     * tokens (a new one per request here, as MockMvc keeps no session).
     */
    private static String mainOf(String html) {
        return withoutCsrfTokens(html.substring(html.indexOf("<main"), html.indexOf("</main>")));
    }

    private static String withoutCsrfTokens(String html) {
        return html.replaceAll("(name=\"_csrf\" value=|name=\"_csrf\" content=|content=)\"[A-Za-z0-9_-]{40,}\"", "$1\"\"");
    }

    private static int count(String html, String needle) {
        int n = 0;
        for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    // --- Search by dates --------------------------------------------------------------------------

    private String search(CurrentMember viewer, String query) throws Exception {
        return page(viewer, "/search?" + query);
    }

    @Test
    void searchByDatesFindsWhoIsFreeAndOnlyForViewersTheyAllow() throws Exception {
        CurrentMember viewer = newMember("producer");
        String role = "Gaffer";
        String city = uniqueName("Town").replace("-", "");
        CurrentMember free = newMember("free");
        CurrentMember partly = newMember("partly");
        CurrentMember booked = newMember("booked");
        CurrentMember hidden = newMember("hidden");
        CurrentMember secret = newMember("secret");
        for (CurrentMember m : List.of(free, partly, booked, hidden, secret)) {
            mvc.perform(post("/profile/edit").with(user(m)).with(csrf()).param("displayName", m.username())
                    .param("headline", "").param("role", role).param("location", city).param("website", "").param("bio", ""))
                    .andExpect(status().is3xxRedirection());
        }
        for (CurrentMember m : List.of(free, partly, booked, secret)) {
            connect(m, viewer);
        }
        LocalDate from = MONTH;
        LocalDate to = MONTH.plusDays(13);
        range(free.id(), from.minusDays(2).toString(), to.plusDays(2).toString(), "AVAILABLE");
        range(partly.id(), from.plusDays(3).toString(), from.plusDays(5).toString(), "AVAILABLE");
        range(booked.id(), from.toString(), from.plusDays(6).toString(), "AVAILABLE");
        range(booked.id(), from.plusDays(7).toString(), to.toString(), "BOOKED");
        range(hidden.id(), from.toString(), to.toString(), "AVAILABLE"); // not connected: default visibility hides them
        range(secret.id(), from.toString(), to.toString(), "AVAILABLE");
        visibility(secret, "nobody");

        String base = "role=" + role + "&location=" + city + "&availableFrom=" + from + "&availableTo=" + to;
        String strict = search(viewer, base);
        assertThat(strict).contains("data-member=\"" + free.username() + "\" data-availability=\"available\"")
                .doesNotContain("data-member=\"" + partly.username() + "\"")
                .doesNotContain("data-member=\"" + booked.username() + "\"")
                .doesNotContain("data-member=\"" + hidden.username() + "\"")
                .doesNotContain("data-member=\"" + secret.username() + "\"")
                .contains("data-suggest=\"partly\"").doesNotContain("data-search-empty");
        String withPartly = search(viewer, base + "&partly=true");
        assertThat(withPartly).contains("data-member=\"" + free.username() + "\" data-availability=\"available\"")
                .contains("data-member=\"" + partly.username() + "\" data-availability=\"partly\"")
                .doesNotContain("data-member=\"" + booked.username() + "\"")
                .doesNotContain("data-member=\"" + hidden.username() + "\"")
                .doesNotContain("data-member=\"" + secret.username() + "\"");
        // Without dates everyone is there, and no one carries an answer.
        String plain = search(viewer, "role=" + role + "&location=" + city);
        for (CurrentMember m : List.of(free, partly, booked, hidden, secret)) {
            assertThat(plain).contains("data-member=\"" + m.username() + "\"");
        }
        assertThat(plain).doesNotContain("data-availability=");

        // A stranger to "hidden" learns the same whether hidden is free or not: the page is identical
        // apart from the members the stranger may see.
        jdbc.update("delete from availability_range where member_id = ?", hidden.id());
        assertThat(mainOf(search(viewer, base + "&partly=true"))).isEqualTo(mainOf(withPartly));

        // Once hidden lets everyone see it, the viewer finds them.
        range(hidden.id(), from.toString(), to.toString(), "AVAILABLE");
        visibility(hidden, "everyone");
        assertThat(search(viewer, base)).contains("data-member=\"" + hidden.username() + "\" data-availability=\"available\"");
    }

    @Test
    void searchByDatesExplainsWrongPeriodsAndSearchesNothing() throws Exception {
        CurrentMember viewer = newMember("producer");
        record Case(String query, String message) {
        }
        for (Case c : List.of(
                new Case("availableFrom=" + MONTH, "Enter the last day too"),
                new Case("availableTo=" + MONTH, "Enter the first day too."),
                new Case("availableFrom=" + (MONTH.getYear() + 1) + "-02-30&availableTo=" + MONTH, "There is no such day in the calendar."),
                new Case("availableFrom=03/01/2027&availableTo=" + MONTH, "Enter a date like 2027-03-01."),
                new Case("availableFrom=" + MONTH.plusDays(3) + "&availableTo=" + MONTH, "The last day is before the first."),
                new Case("availableFrom=" + TODAY.minusDays(9) + "&availableTo=" + TODAY.minusDays(2), "This period is over"),
                new Case("availableFrom=" + MONTH + "&availableTo=" + MONTH.plusDays(400), "at most a year"),
                new Case("availableFrom=" + TODAY.plusYears(3) + "&availableTo=" + TODAY.plusYears(3).plusDays(2), "years ahead"))) {
            String html = search(viewer, "role=Editor&" + c.query());
            assertThat(html).as(c.query()).contains(c.message()).contains("data-search-period-error")
                    .doesNotContain("data-search-results").doesNotContain("data-search-empty");
        }
        // A period that began already is asked from today.
        assertThat(search(viewer, "role=Editor&availableFrom=" + TODAY.minusDays(3) + "&availableTo=" + TODAY.plusDays(3)))
                .doesNotContain("data-search-period-error").contains("data-search-echo-period");
    }

    // --- The calendar feed ------------------------------------------------------------------------

    private String feedUrl(CurrentMember me) throws Exception {
        MvcResult result = mvc.perform(post("/availability/feed/renew").with(user(me)).with(csrf()))
                .andExpect(redirectedUrl("/availability#feed")).andReturn();
        String url = (String) result.getFlashMap().get("feedUrl");
        assertThat(url).matches("http://localhost/availability/[A-Za-z0-9_-]{43}\\.ics");
        return url.substring("http://localhost".length());
    }

    private String feedText(CurrentMember me) throws Exception {
        return mvc.perform(get(feedUrl(me))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void thePrivateFeedIsValidICalendarAndRenewingItRetiresTheOldAddress() throws Exception {
        CurrentMember maya = newMember("maya");
        add(maya, MONTH, MONTH.plusDays(30), "available", null, null);
        add(maya, MONTH.plusMonths(1), MONTH.plusMonths(1).plusDays(2), "hold", "1", "Commercial, Nike; call sheet, \"TBC\"");
        add(maya, MONTH.plusMonths(2), MONTH.plusMonths(2), "booked", null, null);
        String url = feedUrl(maya);

        long sessions = jdbc.queryForObject("select count(*) from spring_session", Long.class);
        var response = mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentType()).startsWith("text/calendar").contains("UTF-8");
        assertThat(response.getCookies()).as("no session for a calendar app").isEmpty();
        assertThat(response.getHeader("Set-Cookie")).isNull();
        assertThat(jdbc.queryForObject("select count(*) from spring_session", Long.class)).isEqualTo(sessions);

        Calendar calendar = new CalendarBuilder().build(new StringReader(response.getContentAsString()));
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        List<CalendarComponent> events = calendar.<CalendarComponent>getComponents().stream()
                .filter(c -> c.getName().equals("VEVENT")).toList();
        assertThat(events).hasSize(3);
        assertThat(events).extracting(e -> value(e, Property.DTSTART))
                .containsExactly(compact(MONTH), compact(MONTH.plusMonths(1)), compact(MONTH.plusMonths(2)));
        assertThat(events).extracting(e -> value(e, Property.DTEND)).as("the end is exclusive")
                .containsExactly(compact(MONTH.plusDays(31)), compact(MONTH.plusMonths(1).plusDays(3)), compact(MONTH.plusMonths(2).plusDays(1)));
        assertThat(events).extracting(e -> value(e, Property.SUMMARY)).containsExactly("Available", "First hold", "Booked");
        assertThat(value(events.get(1), Property.DESCRIPTION)).isEqualTo("Commercial, Nike; call sheet, \"TBC\"");
        assertThat(value(events.get(1), Property.STATUS)).isEqualTo("TENTATIVE");

        // Renewed: the old address answers 404, the new one works.
        String renewed = feedUrl(maya);
        assertThat(renewed).isNotEqualTo(url);
        mvc.perform(get(url)).andExpect(status().isNotFound());
        mvc.perform(get(renewed)).andExpect(status().isOk());
        // Turned off: nothing answers.
        mvc.perform(post("/availability/feed/stop").with(user(maya)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get(renewed)).andExpect(status().isNotFound());
    }

    @Test
    void unknownAndMalformedFeedTokensAre404AndTheTokenShowsNowhereElse() throws Exception {
        mvc.perform(get("/availability/" + "A".repeat(43) + ".ics")).andExpect(status().isNotFound());
        mvc.perform(get("/availability/short.ics")).andExpect(status().isNotFound());
        CurrentMember maya = newMember("maya");
        CurrentMember friend = newMember("friend");
        connect(maya, friend);
        visibility(maya, "everyone");
        String url = feedUrl(maya);
        String token = url.substring("/availability/".length(), url.length() - ".ics".length());
        // Only the page right after making it shows it; stored as a hash, never in clear.
        assertThat(page(maya, "/availability")).doesNotContain(token);
        assertThat(page(maya, "/people/" + maya.username())).doesNotContain(token);
        assertThat(page(friend, "/people/" + maya.username())).doesNotContain(token);
        assertThat(search(friend, "q=" + maya.username() + "&availableFrom=" + MONTH + "&availableTo=" + MONTH.plusDays(2)))
                .doesNotContain(token);
        assertThat(jdbc.queryForObject("select count(*) from availability_setting where encode(feed_token_hash, 'escape') like ?",
                Long.class, "%" + token + "%")).isZero();
        // Nor does the feed name its member.
        String feed = mvc.perform(get(url)).andReturn().getResponse().getContentAsString();
        assertThat(feed).doesNotContain(maya.username()).doesNotContain("Maya Tester");
    }

    private static String value(CalendarComponent component, String property) {
        return component.getProperty(property).map(p -> ((Property) p).getValue()).orElse(null);
    }

    private static String compact(LocalDate date) {
        return date.toString().replace("-", "");
    }
}
