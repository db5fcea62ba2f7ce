package com.moviepeople.calls;

import com.moviepeople.IntegrationTest;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Crew calls: posting and its rules, the list and its filters, applying once, the poster's review, answers for everyone. */
class CallsIntegrationTests extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(java.time.ZoneOffset.UTC);

    /** A valid call form, with {@code overrides} as field, value pairs replacing the defaults. */
    private MockHttpServletRequestBuilder callForm(String title, String... overrides) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("title", title);
        fields.put("role", "Gaffer");
        fields.put("location", "Berlin, Germany");
        fields.put("startDate", TODAY.plusDays(30).toString());
        fields.put("endDate", TODAY.plusDays(34).toString());
        fields.put("deadline", TODAY.plusDays(20).toString());
        fields.put("payRate", "350");
        fields.put("currency", "eur");
        fields.put("payUnit", "day");
        fields.put("description", "Five days on a music video, 2 electricians under you.");
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder request = post("/calls");
        fields.forEach(request::param);
        return request;
    }

    private long postCall(CurrentMember poster, String title) throws Exception {
        mvc.perform(callForm(title).with(user(poster)).with(csrf())).andExpect(status().is3xxRedirection());
        return jdbc.queryForObject("select max(id) from crew_call where poster_id = ?", Long.class, poster.id());
    }

    private long insertCall(CurrentMember poster, String role, String location, boolean unpaid, int startIn, int endIn, int deadlineIn) {
        return jdbc.queryForObject("""
                        insert into crew_call (poster_id, title, role, location, remote, start_date, end_date, pay_rate, pay_unit, currency,
                                               unpaid, deadline, description)
                        values (?, ?, ?, ?, ?, current_date + ?, current_date + ?, ?, ?, ?, ?, current_date + ?, 'Work') returning id""",
                Long.class, poster.id(), role + " wanted", role, location, location == null, startIn, endIn,
                unpaid ? null : new java.math.BigDecimal("200"), unpaid ? null : "day", unpaid ? null : "EUR", unpaid, deadlineIn);
    }

    private String page(CurrentMember m, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(m))).andReturn().getResponse().getContentAsString();
    }

    private MvcResult apply(CurrentMember m, long call, String note) throws Exception {
        return mvc.perform(post("/calls/" + call + "/apply").param("note", note).with(user(m)).with(csrf())).andReturn();
    }

    private long applications(long call) {
        return jdbc.queryForObject("select count(*) from call_application where call_id = ?", Long.class, call);
    }

    @Test
    void aVerifiedMemberPostsACallWithThePayStatedAndEveryWrongFieldGetsItsMessage() throws Exception {
        CurrentMember maya = newMember("maya");
        long call = postCall(maya, "Gaffer for a music video");
        String shown = page(maya, get("/calls/" + call));
        assertThat(shown).contains("€350 / day").contains("data-pay=\"paid\"").contains("Berlin, Germany");
        assertThat(jdbc.queryForObject("select currency from crew_call where id = ?", String.class, call)).isEqualTo("EUR");

        record Case(String field, String value, String message) {
        }
        List<Case> cases = List.of(
                new Case("role", "x".repeat(61), "Name the role"),
                new Case("role", "", "Name the role"),
                new Case("location", "", "Say where the work is"),
                new Case("startDate", TODAY.minusDays(1).toString(), "cannot start in the past"),
                new Case("startDate", "2027-02-30", "that exists"),
                new Case("endDate", TODAY.plusDays(10).toString(), "comes before the first"),
                new Case("deadline", TODAY.plusDays(40).toString(), "on or before the last day"),
                new Case("deadline", TODAY.minusDays(1).toString(), "already over"),
                new Case("payRate", "", "State the pay, or mark the call unpaid"),
                new Case("payRate", "-5", "above 0"),
                new Case("payRate", "12.345", "at most two decimals"),
                new Case("payRate", "lots", "Enter an amount"),
                new Case("currency", "EUROS", "currency code"),
                new Case("currency", "XYZ", "currency code"),
                new Case("payUnit", "month", "hour, day, week or a flat fee"),
                new Case("description", "", "Describe the work"));
        long before = jdbc.queryForObject("select count(*) from crew_call", Long.class);
        for (Case c : cases) {
            MvcResult result = mvc.perform(callForm("Kept title", c.field(), c.value()).with(user(maya)).with(csrf())).andReturn();
            assertThat(result.getResponse().getStatus()).as(c.toString()).isEqualTo(400);
            assertThat(result.getResponse().getContentAsString()).as(c.toString()).contains(c.message()).contains("value=\"Kept title\"");
        }
        // Pay and unpaid both, or unpaid alone.
        MvcResult noTitle = mvc.perform(callForm("", "description", "Kept description").with(user(maya)).with(csrf())).andReturn();
        assertThat(noTitle.getResponse().getContentAsString()).contains("Give the call a title").contains("Kept description");
        assertThat(mvc.perform(callForm("Both", "unpaid", "true").with(user(maya)).with(csrf())).andReturn().getResponse()
                .getContentAsString()).contains("not both");
        // As the page sends it: unpaid ticked, the amount empty, the unit and currency still set.
        mvc.perform(callForm("Student short", "unpaid", "true", "payRate", "")
                .with(user(maya)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select count(*) from crew_call", Long.class)).isEqualTo(before + 1);
        long unpaid = jdbc.queryForObject("select max(id) from crew_call where poster_id = ?", Long.class, maya.id());
        assertThat(page(maya, get("/calls/" + unpaid))).contains("data-pay=\"unpaid\"").contains("data-unpaid>Unpaid");
        // Remote needs no place.
        mvc.perform(callForm("Remote edit", "location", "", "remote", "true").with(user(maya)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        // The database keeps the rules too.
        assertThatThrownBy(() -> jdbc.update("""
                insert into crew_call (poster_id, title, role, location, start_date, end_date, deadline, description, unpaid)
                values (?, 'x', 'y', 'z', current_date, current_date, current_date, 'd', false)""", maya.id()))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("crew_call_pay_or_unpaid");
        assertThatThrownBy(() -> jdbc.update("""
                insert into crew_call (poster_id, title, role, location, start_date, end_date, deadline, description, unpaid,
                                       pay_rate, pay_unit, currency)
                values (?, 'x', 'y', 'z', current_date, current_date, current_date, 'd', true, 10, 'day', 'EUR')""", maya.id()))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("crew_call_pay_or_unpaid");
        assertThatThrownBy(() -> insertCall(maya, "Grip", "Rome", false, 10, 5, 3))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("crew_call_dates_in_order");

        // Five open calls at most; unverified members cannot post.
        postCall(maya, "Fourth");
        postCall(maya, "Fifth");
        MvcResult sixth = mvc.perform(callForm("Sixth").with(user(maya)).with(csrf())).andReturn();
        assertThat(sixth.getResponse().getStatus()).isEqualTo(409);
        assertThat(sixth.getResponse().getContentAsString()).contains("already have 5 open calls");
        CurrentMember fresh = newMember("fresh");
        jdbc.update("update member set email_verified_at = null where id = ?", fresh.id());
        assertThat(mvc.perform(callForm("Unverified").with(user(fresh)).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from crew_call where poster_id = ?", Long.class, fresh.id())).isZero();
    }

    @Test
    void theListShowsOpenCallsNewestFirstWithFiltersAndPages() throws Exception {
        cleanDatabase();
        CurrentMember maya = newMember("maya");
        CurrentMember viewer = newMember("viewer");
        CurrentMember blocker = newMember("blocker");
        assertThat(page(viewer, get("/calls"))).as("no calls at all").contains("data-calls-empty").doesNotContain("Show all open calls");
        long gaffer = insertCall(maya, "Gaffer", "Berlin, Germany", false, 30, 35, 20);
        long editor = insertCall(maya, "Film Editor", null, true, 60, 90, 40);
        long director = insertCall(maya, "Director", "Lisbon", false, 100, 110, 50);
        long past = insertCall(maya, "Grip", "Berlin", false, 5, 10, 0);
        jdbc.update("update crew_call set deadline = current_date - 1, start_date = current_date, end_date = current_date + 5 where id = ?", past);
        long filled = insertCall(maya, "Gaffer", "Berlin", false, 30, 35, 20);
        jdbc.update("update crew_call set status = 'FILLED', closed_at = now() where id = ?", filled);
        long hidden = insertCall(blocker, "Gaffer", "Berlin", false, 30, 35, 20);
        mvc.perform(post("/people/" + viewer.username() + "/block").with(user(blocker)).with(csrf()));

        // Nothing matches: the empty state, with the way back to all calls.
        String none = page(viewer, get("/calls").param("role", "nobody does this job"));
        assertThat(none).contains("data-calls-empty").contains("No open calls match").contains("Show all open calls");
        String all = page(viewer, get("/calls"));
        assertThat(all).contains("data-call-id=\"" + gaffer + "\"").contains("data-call-id=\"" + editor + "\"")
                .contains("data-call-id=\"" + director + "\"").doesNotContain("data-call-id=\"" + past + "\"")
                .doesNotContain("data-call-id=\"" + filled + "\"").doesNotContain("data-call-id=\"" + hidden + "\"");
        assertThat(all.indexOf("data-call-id=\"" + director + "\"")).as("newest first").isLessThan(all.indexOf("data-call-id=\"" + gaffer + "\""));
        assertThat(all).contains("data-pay=\"unpaid\"").contains("data-pay=\"paid\"");

        assertThat(page(viewer, get("/calls").param("role", "editor"))).contains("data-call-id=\"" + editor + "\"")
                .doesNotContain("data-call-id=\"" + director + "\"").doesNotContain("data-call-id=\"" + gaffer + "\"");
        assertThat(page(viewer, get("/calls").param("location", "berlin"))).contains("data-call-id=\"" + gaffer + "\"")
                .doesNotContain("data-call-id=\"" + director + "\"");
        assertThat(page(viewer, get("/calls").param("location", "Remote"))).contains("data-call-id=\"" + editor + "\"")
                .doesNotContain("data-call-id=\"" + gaffer + "\"");
        assertThat(page(viewer, get("/calls").param("from", TODAY.plusDays(95).toString()).param("to", TODAY.plusDays(100).toString())))
                .contains("data-call-id=\"" + director + "\"").doesNotContain("data-call-id=\"" + gaffer + "\"")
                .doesNotContain("data-call-id=\"" + editor + "\"");
        assertThat(page(viewer, get("/calls").param("paidOnly", "true"))).doesNotContain("data-call-id=\"" + editor + "\"")
                .contains("data-call-id=\"" + gaffer + "\"");
        MvcResult wrong = mvc.perform(get("/calls").param("from", "2027-02-30").with(user(viewer))).andReturn();
        assertThat(wrong.getResponse().getStatus()).isEqualTo(400);
        assertThat(wrong.getResponse().getContentAsString()).contains("that exists").doesNotContain("data-call-id=");

        // Keyset pages of 20.
        for (int i = 0; i < 22; i++) {
            insertCall(viewer, "Runner", "Paris", false, 10, 12, 5);
        }
        String first = page(maya, get("/calls").param("role", "runner"));
        assertThat(first.split("data-call-id=", -1).length - 1).isEqualTo(20);
        String next = first.substring(first.indexOf("before=") + 7, first.indexOf("\"", first.indexOf("before=")));
        String second = page(maya, get("/calls").param("role", "runner").param("before", next.replace("&amp;", "&")));
        assertThat(second.split("data-call-id=", -1).length - 1).isEqualTo(2);
    }

    /** The ids of the list marked {@code list} (data-my-applications or data-my-calls), in page order. */
    private static List<Long> ids(String html, String list, String idAttribute) {
        return ids(html, list, idAttribute, "</ul>");
    }

    /** The ids in the list marked {@code list}, up to its closing tag {@code end}, in page order. */
    private static List<Long> ids(String html, String list, String idAttribute, String end) {
        int start = html.indexOf(list);
        if (start < 0) {
            return List.of();
        }
        String part = html.substring(start, html.indexOf(end, start));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(idAttribute + "=\"(\\d+)\"").matcher(part);
        List<Long> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    /** The value of {@code param} in the link marked {@code marker}. */
    private static String cursorOf(String html, String marker, String param) {
        int link = html.indexOf(marker);
        assertThat(link).as(marker).isPositive();
        String tag = html.substring(html.lastIndexOf("<a", link), html.indexOf(">", link));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[?&;]" + param + "=([^&\"]+)").matcher(tag);
        assertThat(m.find()).as(param + " in " + tag).isTrue();
        return m.group(1);
    }

    @Test
    void myApplicationsAndMyCallsComeNewestFirstInKeysetPagesOfTheirOwn() throws Exception {
        cleanDatabase();
        CurrentMember other = newMember("otherposter");
        CurrentMember me = newMember("busycrew");
        List<Long> applied = new ArrayList<>();
        List<Long> posted = new ArrayList<>();
        for (int i = 0; i < CallService.PAGE_SIZE + 1; i++) {
            long call = insertCall(other, "Runner", "Paris", false, 10, 12, 5);
            // Minutes apart, oldest first, so that the newest is the last inserted.
            applied.add(jdbc.queryForObject("""
                            insert into call_application (call_id, applicant_id, created_at)
                            values (?, ?, now() - make_interval(mins => ?)) returning id""",
                    Long.class, call, me.id(), 100 - i));
            long mine = insertCall(me, "Gaffer", "Berlin", false, 30, 35, 20);
            jdbc.update("update crew_call set created_at = now() - make_interval(mins => ?) where id = ?", 100 - i, mine);
            posted.add(mine);
        }
        java.util.Collections.reverse(applied);
        java.util.Collections.reverse(posted);

        String first = page(me, get("/calls/mine"));
        assertThat(ids(first, "data-my-applications", "data-application-id")).as("newest first, one page")
                .isEqualTo(applied.subList(0, CallService.PAGE_SIZE));
        assertThat(ids(first, "data-my-calls", "data-call-id")).isEqualTo(posted.subList(0, CallService.PAGE_SIZE));
        assertThat(first).doesNotContain("data-applications-newest").doesNotContain("data-posted-newest");

        // Older applications: the last one, and my calls stay on their first page.
        String applicationsCursor = cursorOf(first, "data-applications-older", "applicationsBefore");
        String second = page(me, get("/calls/mine").param("applicationsBefore", applicationsCursor));
        assertThat(ids(second, "data-my-applications", "data-application-id")).isEqualTo(applied.subList(CallService.PAGE_SIZE, applied.size()));
        assertThat(ids(second, "data-my-calls", "data-call-id")).isEqualTo(posted.subList(0, CallService.PAGE_SIZE));
        assertThat(second).doesNotContain("data-applications-older").contains("data-applications-newest").contains("data-posted-older");

        // Older calls from there: the last call, and the applications keep their page.
        String postedCursor = cursorOf(second, "data-posted-older", "postedBefore");
        assertThat(cursorOf(second, "data-posted-older", "applicationsBefore")).isEqualTo(applicationsCursor);
        String third = page(me, get("/calls/mine").param("applicationsBefore", applicationsCursor).param("postedBefore", postedCursor));
        assertThat(ids(third, "data-my-calls", "data-call-id")).isEqualTo(posted.subList(CallService.PAGE_SIZE, posted.size()));
        assertThat(ids(third, "data-my-applications", "data-application-id")).isEqualTo(applied.subList(CallService.PAGE_SIZE, applied.size()));
        assertThat(third).doesNotContain("data-posted-older").contains("data-posted-newest");

        // A cursor past the end: an empty page that says so, not the first-use empty state's invitation.
        jdbc.update("delete from call_application where id = ?", applied.get(applied.size() - 1));
        String past = page(me, get("/calls/mine").param("applicationsBefore", applicationsCursor));
        assertThat(past).contains("No older applications.").doesNotContain("You have not applied").contains("data-applications-newest");

        // A forged or broken cursor is the first page, never an error.
        for (String forged : List.of("%%%", "bm90LWEtY3Vyc29y", "x".repeat(200))) {
            MvcResult result = mvc.perform(get("/calls/mine").param("applicationsBefore", forged).param("postedBefore", forged)
                    .with(user(me))).andReturn();
            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            assertThat(ids(result.getResponse().getContentAsString(), "data-my-applications", "data-application-id"))
                    .isEqualTo(applied.subList(0, CallService.PAGE_SIZE));
        }

        // Someone else's lists are not mine: the other poster sees their calls, and no applications.
        String others = page(other, get("/calls/mine"));
        assertThat(others).contains("You have not applied").doesNotContain("data-application-id=\"" + applied.get(0) + "\"");
        assertThat(ids(others, "data-my-calls", "data-call-id")).hasSize(CallService.PAGE_SIZE).doesNotContainAnyElementsOf(posted);
    }

    @Test
    void aLongListOfApplicantsComesInNumberedPagesAndAnAnswerReturnsToItsPage() throws Exception {
        CurrentMember poster = newMember("popular");
        long call = insertCall(poster, "Gaffer", "Berlin", false, 30, 35, 20);
        CurrentMember blocked = newMember("blockedapplicant");
        String apply = "insert into call_application (call_id, applicant_id, created_at) values (?, ?, now() - make_interval(mins => ?)) returning id";
        long blockedApplication = jdbc.queryForObject(apply, Long.class, call, blocked.id(), 500);
        List<Long> applications = new ArrayList<>();
        for (int i = 0; i < CallService.APPLICANTS_PAGE_SIZE + 1; i++) {
            applications.add(jdbc.queryForObject(apply, Long.class, call, newMember("applicant").id(), 100 - i));
        }
        mvc.perform(post("/people/" + blocked.username() + "/block").with(user(poster)).with(csrf())).andExpect(status().is3xxRedirection());

        String first = page(poster, get("/calls/" + call + "/applicants"));
        assertThat(ids(first, "data-applicants", "data-application-id", "</ol>")).as("arrival order, one page, the blocked left out")
                .isEqualTo(applications.subList(0, CallService.APPLICANTS_PAGE_SIZE))
                .doesNotContain(blockedApplication);
        assertThat(first).contains("data-position>1.<").doesNotContain("data-applicants-first");

        String after = cursorOf(first, "data-applicants-later", "after");
        String second = page(poster, get("/calls/" + call + "/applicants").param("after", after));
        assertThat(ids(second, "data-applicants", "data-application-id", "</ol>"))
                .isEqualTo(applications.subList(CallService.APPLICANTS_PAGE_SIZE, applications.size()));
        assertThat(second).as("numbered on from the first page, the blocked not counted")
                .contains("data-position>" + (CallService.APPLICANTS_PAGE_SIZE + 1) + ".<")
                .contains("data-applicants-first").doesNotContain("data-applicants-later")
                .contains("name=\"after\" value=\"" + after + "\"");

        // Answering on the second page comes back to it, at the answered application.
        long last = applications.get(applications.size() - 1);
        MvcResult answered = mvc.perform(post("/calls/" + call + "/applicants/" + last + "/shortlist").param("after", after)
                .with(user(poster)).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(answered.getResponse().getRedirectedUrl()).isEqualTo("/calls/" + call + "/applicants?after=" + after + "#application-" + last);
        MvcResult forgedAnswer = mvc.perform(post("/calls/" + call + "/applicants/" + last + "/decline").param("after", "\r\nLocation: x")
                .with(user(poster)).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(forgedAnswer.getResponse().getRedirectedUrl()).as("a broken cursor is dropped").isEqualTo("/calls/" + call + "/applicants#application-" + last);

        // Forged cursors give the first page; the applicants stay the poster's alone.
        for (String forged : List.of("%%%", "bm90LWEtY3Vyc29y", "x".repeat(200))) {
            assertThat(ids(page(poster, get("/calls/" + call + "/applicants").param("after", forged)), "data-applicants", "data-application-id", "</ol>"))
                    .isEqualTo(applications.subList(0, CallService.APPLICANTS_PAGE_SIZE));
        }
        mvc.perform(get("/calls/" + call + "/applicants").param("after", after).with(user(blocked))).andExpect(status().isNotFound());

        // Past the last one: says so, and leads back to the first.
        jdbc.update("delete from call_application where id = ?", last);
        assertThat(page(poster, get("/calls/" + call + "/applicants").param("after", after)))
                .contains("No later applications.").doesNotContain("No applications yet.").contains("data-applicants-first");
    }

    @Test
    void membersApplyOnceWithTheirOwnWorkAndNeverToTheirOwnOrAClosedCall() throws Exception {
        CurrentMember maya = newMember("maya");
        CurrentMember ben = newMember("ben");
        long call = postCall(maya, "Gaffer wanted");
        long production = jdbc.queryForObject("insert into production (title, year, kind) values (?, 2023, 'short') returning id",
                Long.class, "Applied " + ben.username());
        long bensCredit = jdbc.queryForObject("insert into credit (production_id, member_id, role, department) values (?, ?, 'Gaffer', 'Lighting & Grip') returning id",
                Long.class, production, ben.id());
        long mayasCredit = jdbc.queryForObject("insert into credit (production_id, member_id, role, department) values (?, ?, 'Director', 'Directing') returning id",
                Long.class, production, maya.id());

        assertThat(apply(maya, call, "Me").getResponse().getContentAsString()).contains("your own call");
        assertThat(apply(ben, call, "x".repeat(1001)).getResponse().getContentAsString()).contains("1,000 characters");
        MvcResult others = mvc.perform(post("/calls/" + call + "/apply").param("credits", String.valueOf(mayasCredit))
                .with(user(ben)).with(csrf())).andReturn();
        assertThat(others.getResponse().getStatus()).isEqualTo(400);
        assertThat(others.getResponse().getContentAsString()).contains("your own credits");
        MockHttpServletRequestBuilder tooMany = post("/calls/" + call + "/apply");
        for (int i = 1; i <= 6; i++) {
            tooMany.param("items", String.valueOf(i));
        }
        assertThat(mvc.perform(tooMany.with(user(ben)).with(csrf())).andReturn().getResponse().getContentAsString()).contains("at most 5");
        assertThat(applications(call)).isZero();

        mvc.perform(post("/calls/" + call + "/apply").param("note", "I lit the whole short.").param("credits", String.valueOf(bensCredit))
                .with(user(ben)).with(csrf())).andExpect(status().is3xxRedirection());
        // Once: the second changes nothing.
        mvc.perform(post("/calls/" + call + "/apply").param("note", "Again").with(user(ben)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(applications(call)).isOne();
        assertThat(jdbc.queryForObject("select note from call_application where call_id = ?", String.class, call)).isEqualTo("I lit the whole short.");
        assertThat(page(ben, get("/calls/" + call))).contains("data-applied").contains("data-application-status=\"APPLIED\"");

        // Eight at once by one member: one application.
        CurrentMember carl = newMember("carl");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> tries = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tries.add(() -> apply(carl, call, "Eager").getResponse().getStatus());
            }
            assertThat(pool.invokeAll(tries)).allSatisfy(f -> assertThat(f.get()).isLessThan(500));
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from call_application where call_id = ? and applicant_id = ?", Long.class,
                call, carl.id())).isOne();
        assertThatThrownBy(() -> jdbc.update("insert into call_application (call_id, applicant_id) values (?, ?)", call, carl.id()))
                .isInstanceOf(DataIntegrityViolationException.class);

        // Past the deadline or closed: refused. Blocked: "not yours".
        CurrentMember dana = newMember("dana");
        jdbc.update("update crew_call set deadline = current_date - 1, start_date = current_date - 1 where id = ?", call);
        assertThat(apply(dana, call, "Late").getResponse().getContentAsString()).contains("deadline for this call has passed");
        long other = postCall(maya, "Another");
        mvc.perform(post("/calls/" + other + "/close").param("outcome", "cancelled").with(user(maya)).with(csrf()));
        assertThat(apply(dana, other, "Closed?").getResponse().getContentAsString()).contains("This call is closed");
        long third = postCall(maya, "Third");
        mvc.perform(post("/people/" + dana.username() + "/block").with(user(maya)).with(csrf()));
        assertThat(apply(dana, third, "Blocked").getResponse().getStatus()).isEqualTo(404);
        mvc.perform(get("/calls/" + third).with(user(dana))).andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select count(*) from call_application where applicant_id = ?", Long.class, dana.id())).isZero();
    }

    @Test
    void onlyThePosterReviewsInArrivalOrderAndEveryApplicantHearsTheOutcome() throws Exception {
        CurrentMember maya = newMember("maya");
        CurrentMember ben = newMember("ben");
        CurrentMember carl = newMember("carl");
        CurrentMember dana = newMember("dana");
        long call = postCall(maya, "Gaffer for the ferry film");
        // Ben shares his availability with everyone: the poster sees it for the call's dates.
        jdbc.update("insert into availability_setting (member_id, visibility) values (?, 'EVERYONE')", ben.id());
        jdbc.update("insert into availability_range (member_id, start_date, end_date, status) values (?, current_date + 25, current_date + 40, 'AVAILABLE')", ben.id());
        apply(ben, call, "First in");
        apply(carl, call, "Second");
        apply(dana, call, "Third");
        long bens = jdbc.queryForObject("select id from call_application where applicant_id = ?", Long.class, ben.id());
        long carls = jdbc.queryForObject("select id from call_application where applicant_id = ?", Long.class, carl.id());

        // Nobody else sees or answers the applicants.
        mvc.perform(get("/calls/" + call + "/applicants").with(user(ben))).andExpect(status().isNotFound());
        mvc.perform(post("/calls/" + call + "/applicants/" + carls + "/decline").with(user(ben)).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/calls/" + call + "/close").param("outcome", "filled").with(user(ben)).with(csrf())).andExpect(status().isNotFound());

        String review = page(maya, get("/calls/" + call + "/applicants"));
        assertThat(review).contains("data-order-stated").contains("In the order they applied");
        assertThat(review.indexOf("data-application-id=\"" + bens + "\"")).isLessThan(review.indexOf("data-application-id=\"" + carls + "\""));
        assertThat(review).contains("data-availability=\"available\"").contains("First in");

        mvc.perform(post("/calls/" + call + "/applicants/" + bens + "/shortlist").with(user(maya)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/calls/" + call + "/applicants/" + carls + "/decline").with(user(maya)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/calls/" + call + "/applicants/999999999/decline").with(user(maya)).with(csrf())).andExpect(status().isNotFound());
        // Closing needs an outcome.
        mvc.perform(post("/calls/" + call + "/close").with(user(maya)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select status from crew_call where id = ?", String.class, call)).isEqualTo("OPEN");
        mvc.perform(post("/calls/" + call + "/close").param("outcome", "filled").with(user(maya)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select status from crew_call where id = ?", String.class, call)).isEqualTo("FILLED");

        // Everyone knows where they stand: on their page and in their notifications.
        assertThat(page(ben, get("/calls/mine"))).contains("data-status=\"filled\"").contains("Call filled (you were shortlisted)");
        assertThat(page(carl, get("/calls/mine"))).contains("data-status=\"declined\"");
        assertThat(page(dana, get("/calls/mine"))).contains("data-status=\"filled\"");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                count(maya, "CALL_APPLICATION") == 1 && count(ben, "CALL_SHORTLISTED") == 1 && count(ben, "CALL_FILLED") == 1
                        && count(carl, "CALL_DECLINED") == 1 && count(carl, "CALL_FILLED") == 0 && count(dana, "CALL_FILLED") == 1);
        assertThat(page(maya, get("/notifications"))).contains("and 2 others").contains("applied to your call");
        assertThat(page(dana, get("/notifications"))).contains("filled the call “Gaffer for the ferry film”");
        // A closed call takes no more answers.
        assertThat(page(maya, get("/calls/" + call + "/applicants"))).doesNotContain("data-action=\"shortlist\"");
        // Opening the applicants (or "my calls") reads what the member heard about them.
        assertThat(unread(maya, "CALL_APPLICATION")).isZero();
        page(ben, get("/calls/mine"));
        assertThat(unread(ben, "CALL_FILLED") + unread(ben, "CALL_SHORTLISTED")).isZero();
    }

    @Test
    void aReportedCallIsRemovedByAModeratorAndItsApplicantsAreTold() throws Exception {
        CurrentMember maya = newMember("maya");
        CurrentMember ben = newMember("ben");
        CurrentMember mod = newMember("mod");
        jdbc.update("update member set role = 'MODERATOR' where id = ?", mod.id());
        mod = currentMember(mod.username());
        long call = postCall(maya, "Totally legit call");
        apply(ben, call, "Interested");
        assertThat(page(ben, get("/calls/" + call))).contains("data-report=\"call\"");
        mvc.perform(post("/reports").param("targetType", "call").param("targetId", String.valueOf(call))
                .param("reason", "This call asks for money upfront.").with(user(ben)).with(csrf())).andExpect(status().is3xxRedirection());
        long report = jdbc.queryForObject("select id from report where target_type = 'CALL' and target_id = ?", Long.class, call);
        assertThat(page(mod, get("/moderation/reports").param("after", String.valueOf(report - 1))))
                .contains("data-action=\"remove-call\"").contains("asks for money upfront");
        mvc.perform(post("/moderation/reports/" + report + "/remove-call").with(user(ben)).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/moderation/reports/" + report + "/remove-call").with(user(mod)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select status from crew_call where id = ?", String.class, call)).isEqualTo("REMOVED");
        assertThat(jdbc.queryForObject("select status from report where id = ?", String.class, report)).isEqualTo("ACTIONED");
        mvc.perform(get("/calls/" + call).with(user(ben))).andExpect(status().isNotFound());
        assertThat(page(ben, get("/calls"))).doesNotContain("data-call-id=\"" + call + "\"");
        CurrentMember benNow = ben;
        await().atMost(Duration.ofSeconds(10)).until(() -> count(benNow, "CALL_CANCELLED") == 1);
    }

    private long unread(CurrentMember m, String kind) {
        return jdbc.queryForObject("select count(*) from notification where recipient_id = ? and kind = ? and read_at is null",
                Long.class, m.id(), kind);
    }

    private long count(CurrentMember m, String kind) {
        return jdbc.queryForObject("select count(*) from notification where recipient_id = ? and kind = ?", Long.class, m.id(), kind);
    }
}
