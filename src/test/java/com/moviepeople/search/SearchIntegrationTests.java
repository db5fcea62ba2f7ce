package com.moviepeople.search;

import com.moviepeople.IntegrationTest;
import com.moviepeople.connections.Connections;
import com.moviepeople.profiles.ProfileForm;
import com.moviepeople.profiles.ProfileService;
import com.moviepeople.shared.CurrentMember;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** People search: matching rules, ranking, hostile input, paging, connection states and access. */
class SearchIntegrationTests extends IntegrationTest {

    private static final Pattern RESULT = Pattern.compile("data-search-result\\s+data-member=\"([^\"]+)\"");
    private static final Pattern MORE = Pattern.compile("href=\"(/search\\?[^\"]*)\"[^>]*>More results");

    @Autowired
    ProfileService profiles;

    @Autowired
    Connections connections;

    @Autowired
    SearchRepository repository;

    @Autowired
    org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate named;

    private CurrentMember viewer;

    @BeforeEach
    void emptyCommunity() {
        cleanDatabase();
        viewer = newMember("viewer");
    }

    /** A member with this name and profile. */
    private CurrentMember person(String prefix, String displayName, String headline, String role, String location) {
        CurrentMember m = newMember(prefix);
        profiles.save(m.id(), new ProfileForm(displayName, headline, role, location, null, null));
        return m;
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(user(viewer))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    private static MockHttpServletRequestBuilder search(String q, String role, String location) {
        MockHttpServletRequestBuilder request = get("/search");
        if (q != null) {
            request.param("q", q);
        }
        if (role != null) {
            request.param("role", role);
        }
        if (location != null) {
            request.param("location", location);
        }
        return request;
    }

    private static List<String> usernames(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = RESULT.matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private List<String> found(String q, String role, String location) throws Exception {
        return usernames(page(search(q, role, location)));
    }

    private List<String> found(String q) throws Exception {
        return found(q, null, null);
    }

    // --- matching ---------------------------------------------------------------------------

    @Test
    void findsNamesByAnyPartInAnyCaseAndOrder() throws Exception {
        CurrentMember agnieszka = person("p", "Agnieszka Kowalska", null, "Film Editor", "Berlin, Germany");
        CurrentMember oliver = person("p", "Oliver Brandt", null, "Gaffer", "Berlin, Germany");

        assertThat(found("kowalska")).containsExactly(agnieszka.username());
        assertThat(found("AGNIESZKA")).containsExactly(agnieszka.username());
        assertThat(found("Agn")).as("prefix of a word").containsExactly(agnieszka.username());
        assertThat(found("kowalska agnieszka")).as("any order").containsExactly(agnieszka.username());
        assertThat(found("Agnieszka Kowalska")).containsExactly(agnieszka.username());
        assertThat(found("brandt")).containsExactly(oliver.username());
        assertThat(found("Agnieszka Brandt")).as("every word must match").isEmpty();
    }

    @Test
    void forgivesTyposInNames() throws Exception {
        CurrentMember agnieszka = person("p", "Agnieszka Kowalska", null, "Film Editor", "Berlin");
        person("p", "Oliver Brandt", null, "Gaffer", "Berlin");

        assertThat(found("Kowalsky")).containsExactly(agnieszka.username());
        assertThat(found("agnieska kowalsky")).containsExactly(agnieszka.username());
        assertThat(found("Brant")).hasSize(1);
        assertThat(found("Zimmermann")).isEmpty();
    }

    @Test
    void ignoresAccentsBothWays() throws Exception {
        CurrentMember julien = person("p", "Julien Lumière", null, "Director", "Paris, France");
        CurrentMember jules = person("p", "Jules Lumiere", null, "Producer", "Lyon, France");
        CurrentMember lucia = person("p", "Lucía Fernández", null, "Actor", "São Paulo, Brazil");

        assertThat(found("Lumiere")).containsExactlyInAnyOrder(julien.username(), jules.username());
        assertThat(found("Lumière")).containsExactlyInAnyOrder(julien.username(), jules.username());
        assertThat(found("LUMIÈRE julien")).containsExactly(julien.username());
        assertThat(found("lucia fernandez")).containsExactly(lucia.username());
        assertThat(found(null, null, "sao paulo")).containsExactly(lucia.username());
        assertThat(found(null, "ACTÖR", null)).containsExactly(lucia.username());
    }

    @Test
    void findsByUsernameAndHeadline() throws Exception {
        CurrentMember maya = person("cinematographer", "Maya Okafor", "Natural light for documentaries", "Director of Photography", "Lagos");
        person("p", "Oliver Brandt", "Lighting trucks", "Gaffer", "Berlin");

        assertThat(found(maya.username())).containsExactly(maya.username());
        assertThat(found("cinematographer")).as("part of the username").containsExactly(maya.username());
        assertThat(found("documentaries")).containsExactly(maya.username());
        assertThat(found("natural light")).containsExactly(maya.username());
    }

    @Test
    void roleMatchesWordsOfTheRoleNotPartsOfWords() throws Exception {
        CurrentMember editor = person("p", "Agnieszka Kowalska", null, "Film Editor", "Berlin");
        CurrentMember assistant = person("p", "Ben Adams", null, "Assistant Editor", "London");
        CurrentMember director = person("p", "Julien Lumière", null, "Director", "Paris");
        CurrentMember artDirector = person("p", "Sofia Marchetti", null, "Art Director", "Rome");
        person("p", "Nobody Without Role", null, null, "Rome");

        assertThat(found(null, "editor", null)).containsExactlyInAnyOrder(editor.username(), assistant.username());
        assertThat(found(null, "EDITOR", null)).containsExactlyInAnyOrder(editor.username(), assistant.username());
        assertThat(found(null, "Film Editor", null)).containsExactly(editor.username());
        assertThat(found(null, "director", null)).containsExactlyInAnyOrder(director.username(), artDirector.username());
        assertThat(found(null, "edit", null)).as("start of a word").hasSize(2);
        assertThat(found(null, "itor", null)).as("not the middle of a word").isEmpty();
    }

    @Test
    void locationMatchesAWordOrPartOfTheField() throws Exception {
        CurrentMember paris = person("p", "Julien Lumière", null, "Director", "Paris, France");
        CurrentMember lyon = person("p", "Jules Lumiere", null, "Producer", "Lyon, France");
        CurrentMember berlin = person("p", "Oliver Brandt", null, "Gaffer", "Berlin, Germany");

        assertThat(found(null, null, "paris")).containsExactly(paris.username());
        assertThat(found(null, null, "PAR")).containsExactly(paris.username());
        assertThat(found(null, null, "france")).containsExactlyInAnyOrder(paris.username(), lyon.username());
        assertThat(found(null, null, "Berlin, Germany")).containsExactly(berlin.username());
        assertThat(found(null, null, "Tokyo")).isEmpty();
    }

    @Test
    void everyGivenFieldMustMatch() throws Exception {
        CurrentMember oliver = person("p", "Oliver Brandt", "Lighting with my own truck", "Gaffer", "Berlin, Germany");
        person("p", "Agnieszka Kowalska", null, "Film Editor", "Berlin, Germany");
        CurrentMember joao = person("p", "João Silva", null, "Gaffer", "Lisbon, Portugal");

        assertThat(found(null, "gaffer", "berlin")).containsExactly(oliver.username());
        assertThat(found(null, "gaffer", "lisbon")).containsExactly(joao.username());
        assertThat(found(null, "gaffer", null)).containsExactlyInAnyOrder(oliver.username(), joao.username());
        assertThat(found("oliver", "gaffer", "berlin")).containsExactly(oliver.username());
        assertThat(found("truck", "gaffer", null)).containsExactly(oliver.username());
        assertThat(found("oliver", "gaffer", "lisbon")).isEmpty();
        assertThat(found("silva", "editor", null)).isEmpty();
    }

    @Test
    void nothingAskedInvitesASearchInsteadOfListingEveryone() throws Exception {
        person("p", "Oliver Brandt", null, "Gaffer", "Berlin");
        for (String html : List.of(page(get("/search")), page(search("", "", "")), page(search("   ", " ", "\t")))) {
            assertThat(usernames(html)).isEmpty();
            assertThat(html).contains("data-search-invite").doesNotContain("data-search-empty");
        }
    }

    @Test
    void noMatchShowsAnEmptyStateThatSuggestsLooseningFilters() throws Exception {
        person("p", "Oliver Brandt", null, "Gaffer", "Berlin");
        String html = page(search("oliver", "gaffer", "tokyo"));
        assertThat(usernames(html)).isEmpty();
        assertThat(html).contains("data-search-empty").contains("Search without the location")
                .contains("Search without the role");
    }

    @Test
    void theViewerIsNotAmongTheResults() throws Exception {
        profiles.save(viewer.id(), new ProfileForm("Oliver Viewer", null, "Gaffer", "Berlin", null, null));
        CurrentMember other = person("p", "Oliver Brandt", null, "Gaffer", "Berlin");
        assertThat(found("oliver", "gaffer", "berlin")).containsExactly(other.username());
    }

    // --- ranking ----------------------------------------------------------------------------

    @Test
    void ranksExactThenPrefixThenWordsThenFuzzy() throws Exception {
        CurrentMember fuzzy = person("e", "Anna Kowalsky", null, null, null);
        CurrentMember headline = person("d", "Zofia Nowak", "Assistant to Anna Kowalska", null, null);
        CurrentMember words = person("c", "Maria Anna Kowalska", null, null, null);
        CurrentMember prefix = person("b", "Anna Kowalska-Berg", null, null, null);
        CurrentMember exact = person("a", "Anna Kowalska", null, null, null);

        assertThat(found("anna kowalska")).containsExactly(exact.username(), prefix.username(), words.username(),
                headline.username(), fuzzy.username());
    }

    @Test
    void theRelevanceSkipsTheTrigramSimilarityOnlyWhereItIsOneAnyway() {
        for (String name : List.of("Anna Kowalska", "Maria Anna Kowalska", "Anna Kowalska-Berg", "Anna Kowalsky",
                "Kowalskaya Anna", "Jan Kowal", "Ann Kowalska", "Anna Maria Kowalska")) {
            person("r", name, "Assistant to Anna Kowalska", null, null);
        }
        int rows = 0;
        for (String q : List.of("anna kowalska", "kowalska", "kowal", "anna", "kowalsky", "maria anna", "Kowalska Anna")) {
            SearchRepository.Statement statement = repository.statement(viewer.id(), SearchCriteria.of(q, null, null), null, 50);
            for (Map<String, Object> row : named.queryForList(statement.sql(), statement.params())) {
                long member = ((Number) row.get("member_id")).longValue();
                int relevance = ((Number) row.get("relevance")).intValue();
                // What pg_trgm computes for this row: the relevance is that plus a whole level.
                int similarity = jdbc.queryForObject("select round(word_similarity(mp_search_words(?), name_text) * 1000)::int"
                        + " from search_person where member_id = ?", Integer.class, q, member);
                assertThat((relevance - similarity) % 1000).as("%s for member %d", q, member).isZero();
                assertThat((relevance - similarity) / 1000).as("%s for member %d", q, member).isBetween(1, 5);
                rows++;
            }
        }
        assertThat(rows).isGreaterThan(30);
    }

    @Test
    void aNameStartingWithTheWordComesBeforeOneContainingIt() throws Exception {
        CurrentMember inside = person("a", "Jan Kowalczyk", null, null, null);
        CurrentMember start = person("b", "Kowalczyk Jan", null, null, null);
        CurrentMember typo = person("c", "Jan Kowalczik", null, null, null);
        assertThat(found("kowalczyk")).containsExactly(start.username(), inside.username(), typo.username());
    }

    // --- hostile input ----------------------------------------------------------------------

    @Test
    void hostileInputIsHarmlessAndMatchesNoOneUnrelated() throws Exception {
        person("p", "Oliver Brandt", "Lighting trucks", "Gaffer", "Berlin, Germany");
        person("p", "Julien Lumière", "Intimate dramas", "Director", "Paris, France");
        List<String> hostile = List.of("'", "\"", "''", "' OR '1'='1", "\" OR \"\"=\"", "1; DROP TABLE member; --",
                "%", "_", "%%", "%_%", "\\", "\\\\", "\\%", "& | ! : * ( ) <->", "!", ":*", "*:*", "(", "<->",
                "a & !b", "x:* | y:*", "'; select pg_sleep(5); --", "\u0000", "nul\u0000byte", "\u202e\u200b",
                "😀🎬", "<script>alert(1)</script>", "q".repeat(10_000), "é".repeat(10_000), "% ".repeat(5_000));
        for (String input : hostile) {
            for (MockHttpServletRequestBuilder request : List.of(search(input, null, null), search(null, input, null),
                    search(null, null, input), search(input, input, input), search("oliver", null, null).param("after", input))) {
                String html = page(request);
                List<String> results = usernames(html);
                if (request.buildRequest(new org.springframework.mock.web.MockServletContext()).getParameter("after") != null) {
                    assertThat(results).as("a bad cursor is the first page").hasSize(1);
                } else {
                    assertThat(results).as("input %s", input.length() > 20 ? input.substring(0, 20) : input).isEmpty();
                }
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from member", Long.class)).isEqualTo(3);
    }

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Test
    void theSearchStatementRunsWithItsPlannerSettingsInOneRoundTrip() {
        CurrentMember okafor = person("okafor", "Chidi Okafor", "Gaffer on features", "Gaffer", "Lagos");
        person("other", "Someone Else", null, "Editor", "Berlin");
        transactions.executeWithoutResult(tx -> {
            queries.reset();
            SearchRepository.Found found = repository.find(viewer.id(), new long[0], SearchCriteria.of("Okafor", null, null),
                    null, 21, true);
            assertThat(queries.count()).as("settings and search sent as one statement").isEqualTo(1);
            assertThat(found.rows()).extracting(r -> r.card().username()).containsExactly(okafor.username());
            assertThat(found.facets()).extracting(SearchRepository.FacetCount::label).contains("Lighting & Grip", "Lagos");
            // The settings the search was planned with hold for the rest of this transaction only.
            assertThat(jdbc.queryForObject("select current_setting('enable_seqscan') || ' ' || current_setting('plan_cache_mode')"
                    + " || ' ' || current_setting('max_parallel_workers_per_gather')", String.class))
                    .isEqualTo("off force_generic_plan 0");
        });
        assertThat(jdbc.queryForObject("select current_setting('enable_seqscan')", String.class)).isEqualTo("on");
        // A word only PostgreSQL normalises: a plan made for its value.
        transactions.executeWithoutResult(tx -> {
            SearchRepository.Found found = repository.find(viewer.id(), new long[0], SearchCriteria.of("Okáfor", null, null),
                    null, 21, true);
            assertThat(found.rows()).extracting(r -> r.card().username()).containsExactly(okafor.username());
            assertThat(jdbc.queryForObject("select current_setting('plan_cache_mode')", String.class)).isEqualTo("force_custom_plan");
        });
    }

    /**
     * Who may see a location, and who may know a member's days, is decided inside the search
     * statement: the connections module's inlinable test (V52) is one index probe of the plan, never
     * a call of mp_connected per row (a statement of its own each time).
     */
    @Test
    void theConnectionTestsArePartOfTheSearchStatement() {
        CurrentMember friend = person("friend", "Ada Okafor", null, "Gaffer", "Lagos, Nigeria");
        CurrentMember stranger = person("stranger", "Ben Okafor", null, "Gaffer", "Lagos, Nigeria");
        for (CurrentMember m : List.of(friend, stranger)) {
            profiles.savePrivacy(m.id(), new com.moviepeople.profiles.PrivacySettings(com.moviepeople.shared.Visibility.EVERYONE,
                    com.moviepeople.shared.Visibility.CONNECTIONS, com.moviepeople.shared.Visibility.EVERYONE,
                    com.moviepeople.shared.Visibility.NOBODY));
            // Days shown to connections only (nobody chose otherwise).
            jdbc.update("insert into availability_range (member_id, start_date, end_date, status) values (?, date '2031-01-01', date '2031-01-31', 'AVAILABLE')",
                    m.id());
        }
        connect(viewer, friend);
        transactions.executeWithoutResult(tx -> {
            jdbc.execute("set local track_functions = 'all'");
            SearchRepository.Found byName = repository.find(viewer.id(), new long[0], SearchCriteria.of("Okafor", null, null),
                    null, 21, true);
            assertThat(byName.rows()).extracting(r -> r.card().username() + " " + r.card().location())
                    .containsExactly(friend.username() + " Lagos, Nigeria", stranger.username() + " null");
            assertThat(byName.facets()).filteredOn(f -> f.kind().equals("city"))
                    .extracting(f -> f.label() + " " + f.count()).containsExactly("Lagos 1");
            SearchRepository.Found byDates = repository.find(viewer.id(), new long[0], SearchCriteria.of("Okafor", null, null, null,
                    "2031-01-05", "2031-01-12", false, java.time.LocalDate.of(2030, 12, 1)), null, 21, true);
            assertThat(byDates.rows()).extracting(r -> r.card().username() + " " + r.availability())
                    .containsExactly(friend.username() + " available");
            assertThat(callsOf("mp_connected(bigint,bigint)")).as("calls of mp_connected").isZero();
        });
    }

    @Test
    void withoutATransactionTheSettingsHoldForTheSearchStatementAndEndWithIt() {
        // The search runs in no transaction of its own: the driver sends the settings and the
        // statement before one Sync, so the server runs both in one implicit transaction.
        String read = "select current_setting('enable_seqscan') || ' ' || current_setting('plan_cache_mode')"
                + " || ' ' || current_setting('max_parallel_workers_per_gather')";
        org.springframework.jdbc.core.ResultSetExtractor<String> first = rs -> rs.next() ? rs.getString(1) : null;
        assertThat(org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()).isFalse();
        assertThat(repository.withPlannerSettings(false, read, java.util.Map.of(), first)).isEqualTo("off force_generic_plan 0");
        assertThat(repository.withPlannerSettings(true, read, java.util.Map.of(), first)).isEqualTo("off force_custom_plan 0");
        assertThat(jdbc.queryForObject("select current_setting('enable_seqscan')", String.class)).isEqualTo("on");
        CurrentMember okafor = person("okafor", "Chidi Okafor", "Gaffer on features", "Gaffer", "Lagos");
        SearchRepository.Found found = repository.find(viewer.id(), new long[0], SearchCriteria.of("Okafor", null, null), null, 21, true);
        assertThat(found.rows()).extracting(r -> r.card().username()).containsExactly(okafor.username());
    }

    @Test
    void echoesTheQueryEscaped() throws Exception {
        String html = page(search("<script>alert('x')</script> \"quoted\"", "<b>role</b>", "<i>place</i>"));
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<b>role</b>").doesNotContain("<i>place</i>")
                // in the text, and in the search box's value (where quotes are escaped too)
                .contains("data-search-echo>&lt;script&gt;alert('x')&lt;/script&gt; \"quoted\"</strong>")
                .contains("placeholder=\"e.g. Kowalska, or documentary\" value=\"&lt;script>alert(&#39;x&#39;)&lt;/script> &#34;quoted&#34;\"")
                .contains("data-search-echo-role>&lt;b&gt;role&lt;/b&gt;</strong>");
        // Echoed cut to the length searched for (the navigation's own box keeps what was typed, escaped).
        String longQuery = "q".repeat(10_000);
        assertThat(page(search(longQuery, null, null)))
                .contains("data-search-echo>" + "q".repeat(SearchCriteria.MAX_LENGTH) + "</strong>");
    }

    // --- paging -----------------------------------------------------------------------------

    @Test
    void pagesThroughAllResultsWithoutRepeatsOrGaps() throws Exception {
        Set<String> expected = new HashSet<>();
        String[] first = {"Anna", "Ben", "Clara", "Dario", "Eva"};
        for (int i = 0; i < 47; i++) {
            // Many equal names and several relevance levels: the cursor must break ties.
            String name = i % 3 == 0 ? "Kowalska" : first[i % first.length] + " Kowalska" + (i % 4 == 0 ? "-Nowak" : "");
            expected.add(person("m", name, null, "Film Editor", "Berlin").username());
        }
        person("p", "Oliver Brandt", null, "Film Editor", "Berlin");

        List<String> seen = new ArrayList<>();
        String url = null;
        int pages = 0;
        do {
            String html = page(url == null ? search("kowalska", "editor", "berlin") : get(url));
            List<String> results = usernames(html);
            assertThat(results).hasSizeLessThanOrEqualTo(SearchService.PAGE_SIZE);
            seen.addAll(results);
            Matcher more = MORE.matcher(html);
            url = more.find() ? more.group(1).replace("&amp;", "&") : null;
            pages++;
        } while (url != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(47).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(expected);
        assertThat(html(search("kowalska", null, null))).contains("data-more");
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return page(request);
    }

    // --- connection state -------------------------------------------------------------------

    @Test
    void showsTheConnectionStateOfEachResult() throws Exception {
        CurrentMember connected = person("p", "Anna Gaffer", null, "Gaffer", "Berlin");
        CurrentMember asked = person("p", "Ben Gaffer", null, "Gaffer", "Berlin");
        CurrentMember asking = person("p", "Clara Gaffer", null, "Gaffer", "Berlin");
        CurrentMember stranger = person("p", "Dario Gaffer", null, "Gaffer", "Berlin");
        CurrentMember refusing = person("p", "Emil Gaffer", null, "Gaffer", "Berlin");
        CurrentMember refused = person("p", "Frida Gaffer", null, "Gaffer", "Berlin");
        connections.request(viewer.id(), connected.id());
        connections.accept(connected.id(), connections.stateBetween(connected.id(), viewer.id()).connectionId());
        connections.request(viewer.id(), asked.id());
        connections.request(asking.id(), viewer.id());
        // Emil rejected the viewer's request (no new one for a while); the viewer rejected Frida's,
        // which leaves the viewer free to ask her.
        connections.request(viewer.id(), refusing.id());
        connections.reject(refusing.id(), connections.stateBetween(refusing.id(), viewer.id()).connectionId());
        connections.request(refused.id(), viewer.id());
        connections.reject(viewer.id(), connections.stateBetween(viewer.id(), refused.id()).connectionId());

        String html = page(search(null, "gaffer", null));
        Map<String, String> expected = Map.of(connected.username(), "CONNECTED", asked.username(), "REQUEST_SENT",
                asking.username(), "REQUEST_RECEIVED", stranger.username(), "NONE",
                refusing.username(), "REJECTED_COOLDOWN", refused.username(), "NONE");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertThat(html).containsPattern("data-member=\"" + e.getKey() + "\"[\\s\\S]*?data-connection-state=\""
                    + e.getValue() + "\"");
        }
        // The connect button brings the member back to these results.
        assertThat(html).contains("name=\"returnTo\" value=\"/search?q=&amp;role=gaffer&amp;location=\"");
        mvc.perform(post("/connections/request/" + stranger.username()).param("returnTo", "/search?q=&role=gaffer&location=")
                        .with(user(viewer)).with(csrf()))
                .andExpect(redirectedUrlPattern("/search?**"));
    }

    @Test
    void theNextPageShowsTheConnectionStatesToo() throws Exception {
        // The next page's statement has no facets, and joins the connection columns itself.
        List<CurrentMember> gaffers = new ArrayList<>();
        for (int i = 0; i < SearchService.PAGE_SIZE + 3; i++) {
            gaffers.add(person("p", "Paged Gaffer", null, "Gaffer", "Berlin"));
        }
        for (CurrentMember gaffer : gaffers) {
            connections.request(viewer.id(), gaffer.id());
        }
        Matcher more = MORE.matcher(page(search(null, "gaffer", null)));
        assertThat(more.find()).isTrue();
        String next = page(get(more.group(1).replace("&amp;", "&")));
        assertThat(usernames(next)).hasSize(3);
        assertThat(java.util.regex.Pattern.compile("data-connection-state=\"(\\w+)\"").matcher(next).results()
                .map(r -> r.group(1)).toList()).containsExactly("REQUEST_SENT", "REQUEST_SENT", "REQUEST_SENT");
    }

    @Test
    void runsTheSameNumberOfStatementsForThreeOrAPageOfResults() throws Exception {
        for (int i = 0; i < 25; i++) {
            CurrentMember m = person("p", (i < 3 ? "Rare" : "Common") + " Gaffer", null, "Gaffer", "Berlin");
            if (i % 2 == 0) {
                connections.request(viewer.id(), m.id());
            }
        }
        // The first search with the trade word "gaffer" asks PostgreSQL once for its full-text query
        // (kept afterwards): not the page's own work.
        found("gaffer");
        queries.reset();
        assertThat(found("rare", "gaffer", null)).hasSize(3);
        long few = queries.count();
        queries.reset();
        assertThat(found(null, "gaffer", null)).hasSize(SearchService.PAGE_SIZE);
        long many = queries.count();
        // The results, their facets and the viewer's connection with each come in one statement
        // (the connections module's mp_connection_between, V47); the other is the navigation's
        // (its badges, and the viewer's blocks that the search leaves out).
        assertThat(many).isEqualTo(few).isEqualTo(2);
    }

    // --- keeping the index current ----------------------------------------------------------

    @Test
    void aSavedProfileIsSearchableAtOnce() throws Exception {
        CurrentMember member = newMember("edited");
        assertThat(found(null, "gaffer", null)).isEmpty();

        mvc.perform(post("/profile/edit").with(user(member)).with(csrf())
                        .param("displayName", "Renate Ströbel").param("headline", "Tungsten and LED")
                        .param("role", "Gaffer").param("location", "Hamburg, Germany"))
                .andExpect(status().is3xxRedirection());

        assertThat(found("renate strobel", "gaffer", "hamburg")).containsExactly(member.username());
        assertThat(found("tungsten")).containsExactly(member.username());

        profiles.save(member.id(), new ProfileForm("Renate Weiss", null, "Film Editor", "Munich", null, null));
        assertThat(found("strobel")).isEmpty();
        assertThat(found(null, "gaffer", null)).isEmpty();
        assertThat(found("weiss", "editor", "munich")).containsExactly(member.username());
    }

    @Test
    void newMembersAreSearchableByNameBeforeTheyFillInAProfile() throws Exception {
        CurrentMember member = newMember("newcomer");
        assertThat(found("newcomer tester")).containsExactly(member.username());
    }

    @Test
    void deletedMembersLeaveTheIndex() throws Exception {
        CurrentMember member = person("p", "Oliver Brandt", null, "Gaffer", "Berlin");
        jdbc.update("delete from member where id = ?", member.id());
        assertThat(found("oliver")).isEmpty();
    }

    // --- access -----------------------------------------------------------------------------

    @Test
    void anonymousVisitorsAreSentToLogIn() throws Exception {
        mvc.perform(get("/search").param("q", "oliver"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void plainWordsReachTheStatementNormalisedInJavaExactlyAsTheSqlFunctionsWouldHaveIt() {
        for (String text : List.of("okafor", "Okafor", "OKAFOR", "anna kowalska", "Film Editor", "dp2", "R2D2 unit 7")) {
            assertThat(SearchRepository.key(text)).as(text)
                    .isEqualTo(jdbc.queryForObject("select mp_search_words(?)", String.class, text))
                    .isEqualTo(jdbc.queryForObject("select mp_title_key(?)", String.class, text));
        }
        // Anything else is left to PostgreSQL: accents, punctuation, odd spaces, a capital I (Turkish locales).
        for (String text : List.of("Łucja", "café", "o'neil", "x-ray", "anna  kowalska", " anna", "anna ", "Ingrid", "", "ǅ")) {
            assertThat(SearchRepository.key(text)).as(text).isNull();
        }

        SearchRepository.Statement plain = repository.statement(viewer.id(),
                SearchCriteria.of("Okafor", "editor", "Berlin", "Night Ferry"), null, 21);
        assertThat(plain.customPlan()).isFalse();
        assertThat(plain.sql()).doesNotContain("mp_search_words(").doesNotContain("mp_title_key(");
        assertThat(plain.params()).containsEntry("q0", "okafor").containsEntry("phrase", "okafor")
                .containsEntry("l0", "berlin").containsEntry("w0", "night").containsEntry("w1", "ferry");

        // Without name words the values are still bound normalised, but the plan is made for them.
        SearchRepository.Statement roleAndPlace = repository.statement(viewer.id(), SearchCriteria.of(null, "editor", "Berlin"), null, 21);
        assertThat(roleAndPlace.customPlan()).isTrue();
        assertThat(roleAndPlace.params()).containsEntry("l0", "berlin");

        SearchRepository.Statement accented = repository.statement(viewer.id(), SearchCriteria.of("Łucja Okafor", null, null), null, 21);
        assertThat(accented.customPlan()).isTrue();
        assertThat(accented.sql()).contains("nullif(mp_search_words(:q0), '')").contains("cast(:q1 as text)");
        assertThat(accented.params()).containsEntry("q0", "Łucja").containsEntry("q1", "okafor");
    }

    /** Past pgjdbc's fifth run on a connection the statement is prepared on the server, with its generic plan: the same answer every time. */
    @Test
    void aSearchRepeatedPastTheServerSidePreparedStatementAnswersTheSameEachTime() throws Exception {
        CurrentMember exact = person("o", "Ada Okafor", "Gaffer", "Gaffer", "Lagos");
        CurrentMember fuzzy = person("o", "Obi Okafur", null, "Editor", "Accra");
        CurrentMember headline = person("o", "Ben Ode", "Trained under Okafor", null, null);
        List<String> first = found("Okafor");
        assertThat(first).containsSubsequence(exact.username(), headline.username());
        for (int i = 0; i < 25; i++) {
            assertThat(found("Okafor")).as("run %d", i).isEqualTo(first);
            assertThat(found("okafur")).as("run %d", i).contains(fuzzy.username());
            assertThat(found(null, "gaffer", "lagos")).as("run %d", i).contains(exact.username()).doesNotContain(fuzzy.username());
        }
    }
}
