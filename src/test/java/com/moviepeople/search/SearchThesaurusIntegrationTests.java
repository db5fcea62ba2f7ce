package com.moviepeople.search;

import com.moviepeople.IntegrationTest;
import com.moviepeople.profiles.PrivacySettings;
import com.moviepeople.profiles.ProfileForm;
import com.moviepeople.profiles.ProfileService;
import com.moviepeople.shared.CurrentMember;
import com.moviepeople.shared.Visibility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Search in the trade's own words (issue 24), on the real search query. */
class SearchThesaurusIntegrationTests extends IntegrationTest {

    private static final Pattern RESULT = Pattern.compile("data-search-result[^>]*?data-member=\"([^\"]+)\"");

    @Autowired
    ProfileService profiles;

    private CurrentMember viewer;

    @BeforeEach
    void emptyCommunity() {
        cleanDatabase();
        viewer = newMember("viewer");
    }

    private String person(String prefix, String displayName, String headline, String role, String location) {
        CurrentMember m = newMember(prefix);
        profiles.save(m.id(), new ProfileForm(displayName, headline, role, location, null, null));
        return m.username();
    }

    private String html(String... params) throws Exception {
        var request = get("/search");
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request.with(user(viewer))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private List<String> found(String... params) throws Exception {
        List<String> usernames = new ArrayList<>();
        Matcher m = RESULT.matcher(html(params));
        while (m.find()) {
            usernames.add(m.group(1));
        }
        return usernames;
    }

    @Test
    void aDpIsEveryDirectorOfPhotographyWhateverTheyCallThemselves() throws Exception {
        String dop = person("dop", "Ines Licht", null, "Director of Photography", "Berlin");
        String cine = person("cine", "Tom Hale", null, "Cinematographer", "Munich");
        String kamera = person("kam", "Jonas Weber", null, "Kameramann", "Hamburg");
        String polish = person("pol", "Ola Nowak", null, "Autor zdjęć", "Łódź");
        String inHeadline = person("head", "Rui Costa", "DoP for documentaries", "Producer", "Porto");
        String editor = person("edit", "Adam Schnitt", null, "Film Editor", "Berlin");
        for (String term : List.of("DP", "DoP", "dop", "director of photography", "Kameramann", "autor zdjec")) {
            assertThat(found("role", term)).as("role=" + term).containsExactlyInAnyOrder(dop, cine, kamera, polish);
            assertThat(found("q", term)).as("q=" + term).containsExactlyInAnyOrder(dop, cine, kamera, polish, inHeadline);
        }
        assertThat(found("role", "DP")).doesNotContain(editor);
    }

    @Test
    void aDpInBerlinIsADpWhoIsInBerlin() throws Exception {
        String berlinDp = person("bdp", "Ines Licht", null, "DoP", "Berlin");
        String munichDp = person("mdp", "Tom Hale", null, "Director of Photography", "Munich");
        String berlinEditor = person("bed", "Eva Schnitt", null, "Editor", "Berlin");
        String html = html("q", "DP Berlin");
        assertThat(found("q", "DP Berlin")).containsExactly(berlinDp).doesNotContain(munichDp, berlinEditor);
        assertThat(html).contains("data-match-reason").contains("role: DoP (DP)").contains("location: Berlin");
        assertThat(html).contains("data-search-order").contains("No paid placement");
        // A location its owner keeps to their connections is not a way to find them either.
        profiles.savePrivacy(memberId(berlinDp), new PrivacySettings(Visibility.EVERYONE, Visibility.CONNECTIONS,
                Visibility.EVERYONE, Visibility.NOBODY));
        assertThat(found("q", "DP Berlin")).isEmpty();
        assertThat(found("q", "DP")).contains(berlinDp);
    }

    @Test
    void shortTermsAreWholeWordsAndEditorsAreNotDirectors() throws Exception {
        String firstAd = person("fad", "Mia Klein", null, "1st AD", "Vienna");
        String secondAd = person("sad", "Leo Braun", null, "Second Assistant Director", "Vienna");
        String adam = person("adam", "Adam Adler", "Adaptation and ADR", "Adaptation Writer", "Vienna");
        String director = person("dir", "Nora Berg", null, "Director", "Vienna");
        String editor = person("ed", "Paul Cutter", null, "Film Editor", "Vienna");
        assertThat(found("role", "AD")).containsExactlyInAnyOrder(firstAd, secondAd).doesNotContain(adam);
        assertThat(found("q", "AD")).containsExactlyInAnyOrder(firstAd, secondAd).doesNotContain(adam);
        assertThat(found("role", "editor")).containsExactly(editor).doesNotContain(director);
        assertThat(found("role", "director")).contains(director).doesNotContain(editor);
        assertThat(found("role", "1st AD")).containsExactly(firstAd);
        // Not a term: a word still finds the roles it starts a word of, as before.
        assertThat(found("role", "adapt")).containsExactly(adam);
    }

    @Test
    void theOtherTradesShorthand() throws Exception {
        String ac = person("ac", "Kim Fokus", null, "Focus Puller", "Oslo");
        String boom = person("boom", "Sam Ton", null, "Boom Operator", "Oslo");
        String perch = person("perch", "Luc Perche", null, "Perchman", "Lyon");
        String colour = person("col", "Ana Grade", null, "Colourist", "London");
        assertThat(found("role", "1st AC")).containsExactly(ac);
        assertThat(found("q", "boom op")).containsExactlyInAnyOrder(boom, perch);
        assertThat(found("role", "colorist")).containsExactly(colour);
        assertThat(html("role", "1st AC")).contains("role: Focus Puller (1st AC)");
    }

    @Test
    void aTranslationFindsTheRoleItselfButNotRolesThatMerelyContainItsName() throws Exception {
        String director = person("dir", "Nora Berg", null, "Director", "Vienna");
        String regisseur = person("reg", "Max Bild", null, "Regisseur", "Vienna");
        String artDirector = person("art", "Ida Raum", null, "Art Director", "Vienna");
        String grip = person("grip", "Ole Bühne", null, "Grip", "Vienna");
        String keyGrip = person("kgrip", "Per Dolly", null, "Key Grip", "Vienna");
        assertThat(found("role", "Regisseur")).containsExactlyInAnyOrder(director, regisseur).doesNotContain(artDirector);
        assertThat(found("role", "réalisatrice")).containsExactlyInAnyOrder(director, regisseur);
        assertThat(found("role", "Bühnenarbeiter")).containsExactly(grip).doesNotContain(keyGrip);
        assertThat(found("role", "grip")).containsExactlyInAnyOrder(grip, keyGrip);
    }

    @Test
    void facetsCountEveryResultByDepartmentAndCityAndTheirLinksNarrowTheSearch() throws Exception {
        String dp1 = person("dp1", "Ines Licht", null, "DoP", "Berlin, Germany");
        String dp2 = person("dp2", "Tom Hale", null, "Cinematographer", "Berlin");
        String dp3 = person("dp3", "Ola Nowak", null, "Director of Photography", "Munich");
        String hidden = person("dp4", "Kai Verborgen", null, "Kameramann", "Berlin");
        String op = person("op", "Uma Schwenk", null, "Camera Operator", "Berlin");
        String gaffer = person("gaf", "Olli Licht", null, "Gaffer", "Berlin");
        String odd = person("odd", "Pia Sonder", null, "Set medic", "Berlin");
        profiles.savePrivacy(memberId(hidden), new PrivacySettings(Visibility.EVERYONE, Visibility.NOBODY,
                Visibility.EVERYONE, Visibility.NOBODY));

        String byTerm = html("q", "DP");
        assertThat(facet(byTerm, "department:Camera")).isEqualTo(4);
        // Cities only where the location is shown: the hidden one is counted in no city.
        assertThat(facet(byTerm, "city:Berlin")).isEqualTo(2);
        assertThat(facet(byTerm, "city:Munich")).isEqualTo(1);
        assertThat(byTerm).contains("data-facets");

        String inBerlin = html("location", "Berlin");
        assertThat(facet(inBerlin, "department:Camera")).isEqualTo(3);
        assertThat(facet(inBerlin, "department:Lighting &amp; Grip")).isEqualTo(1);
        assertThat(facet(inBerlin, "department:Other")).isEqualTo(1);
        assertThat(facet(inBerlin, "city:Berlin")).isEqualTo(5);

        // The department link narrows to it; the city link narrows to the city.
        Matcher link = Pattern.compile("href=\"([^\"]+)\" data-facet=\"department:Camera\"").matcher(inBerlin);
        assertThat(link.find()).isTrue();
        assertThat(link.group(1)).contains("department=Camera").contains("location=Berlin");
        assertThat(found("location", "Berlin", "department", "Camera")).containsExactlyInAnyOrder(dp1, dp2, op);
        assertThat(found("location", "Berlin", "department", "Other")).containsExactly(odd);
        assertThat(found("q", "DP", "location", "Munich")).containsExactly(dp3);
        assertThat(found("department", "Lighting & Grip")).containsExactly(gaffer);
        assertThat(found("department", "Nonsense")).isEmpty();
        assertThat(html("location", "Berlin", "department", "Camera")).contains("data-search-echo-department").contains("data-facet-clear");

        // The city is kept with the row (V50): a new location moves the member to its city.
        profiles.save(memberId(dp3), new ProfileForm("Ola Nowak", null, "Director of Photography", " Hamburg , Germany", null, null));
        String moved = html("q", "DP");
        assertThat(facet(moved, "city:Hamburg")).isEqualTo(1);
        assertThat(moved).doesNotContain("data-facet=\"city:Munich\"");
        assertThat(found("q", "DP", "location", "Hamburg")).containsExactly(dp3);
    }

    @Autowired
    SearchRepository repository;

    @Test
    void aTradesNamesReachTheStatementAsOneReadyFullTextQueryMadeByPostgreSql() throws Exception {
        String editor = person("ed", "Ola Cut", null, "Picture Editor", "Berlin");
        person("dir", "Ida Lens", null, "Director", "Berlin");
        SearchRepository.Statement statement = repository.statement(viewer.id(), SearchCriteria.of(null, "editor", "Berlin"), null, 21);
        // Not a dozen phraseto_tsquery(mp_search_words(…)) for the planner to fold on every search.
        assertThat(statement.sql()).doesNotContain("phraseto_tsquery").contains("p.role_fts @@ cast(:rt as tsquery)");
        assertThat((String) statement.params().get("rt")).contains("'editor'").contains("'picture' <-> 'editor'");
        assertThat(found("role", "editor", "location", "Berlin")).containsExactly(editor);
        assertThat(found("q", "editor berlin")).containsExactly(editor);
    }

    @Autowired
    TradeTermsSync sync;

    @Autowired
    com.moviepeople.availability.Availability availability;

    @Test
    void aTradeTermCombinesWithTheDatesFilterAndItsFacetsCountOnlyWhatPasses() throws Exception {
        String free = person("free", "Ines Licht", null, "DoP", "Berlin");
        String busy = person("busy", "Tom Hale", null, "Cinematographer", "Munich");
        java.time.LocalDate from = availability.today().plusDays(10);
        availability.add(memberId(free), from, from.plusDays(5), com.moviepeople.availability.AvailabilityStatus.AVAILABLE, null, null);
        availability.add(memberId(busy), from, from.plusDays(5), com.moviepeople.availability.AvailabilityStatus.BOOKED, null, null);
        for (String u : List.of(free, busy)) {
            availability.setVisibility(memberId(u), com.moviepeople.availability.AvailabilityVisibility.EVERYONE);
        }
        assertThat(found("q", "DP")).containsExactlyInAnyOrder(free, busy);
        String html = html("q", "DP", "availableFrom", from.toString(), "availableTo", from.plusDays(2).toString());
        assertThat(found("q", "DP", "availableFrom", from.toString(), "availableTo", from.plusDays(2).toString())).containsExactly(free);
        assertThat(facet(html("role", "DP", "availableFrom", from.toString(), "availableTo", from.plusDays(2).toString(),
                "partly", "true"), "department:Camera")).isZero(); // a single result: no facets
        assertThat(html).contains("role: DoP (DP)");
    }

    @Test
    void theTermsTableFollowsTheFileAndTheMembersDepartmentsFollowIt() {
        String kam = person("kam", "Jonas Weber", null, "Kameramann", "Hamburg");
        assertThat(department(kam)).isEqualTo("Camera");
        // As if the file had changed since the last start: a term gone, one in another department.
        jdbc.update("delete from search_role_department where role_key = 'kameramann'");
        jdbc.update("update search_role_department set department = 'Sound' where role_key = 'gaffer'");
        jdbc.update("insert into search_role_department values ('no such role', 'Art')");
        jdbc.update("update search_person set department = 'Art' where username = ?", kam);
        sync.afterSingletonsInstantiated();
        assertThat(jdbc.queryForObject("select department from search_role_department where role_key = 'kameramann'", String.class))
                .isEqualTo("Camera");
        assertThat(jdbc.queryForObject("select department from search_role_department where role_key = 'gaffer'", String.class))
                .isEqualTo("Lighting & Grip");
        assertThat(jdbc.queryForObject("select count(*) from search_role_department where role_key = 'no such role'", Long.class)).isZero();
        assertThat(department(kam)).isEqualTo("Camera");
        // Every role of the list is there with its department.
        for (var d : com.moviepeople.shared.FilmRoles.DEPARTMENTS) {
            for (String role : d.roles()) {
                assertThat(jdbc.queryForObject("select department from search_role_department where role_key = mp_search_words(?)",
                        String.class, role)).as(role).isEqualTo(d.name());
            }
        }
    }

    private String department(String username) {
        return jdbc.queryForObject("select department from search_person where username = ?", String.class, username);
    }

    private static int facet(String html, String key) {
        Matcher m = Pattern.compile("data-facet=\"" + Pattern.quote(key) + "\" data-count=\"(\\d+)\"").matcher(html);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private long memberId(String username) {
        return jdbc.queryForObject("select id from member where username = ?", Long.class, username);
    }
}
