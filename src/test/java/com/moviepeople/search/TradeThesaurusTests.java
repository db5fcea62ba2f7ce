package com.moviepeople.search;

import com.moviepeople.shared.FilmRoles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The thesaurus file and its expansion, term by term (issue 24: "tests for every entry's expansion"). */
class TradeThesaurusTests {

    private final TradeThesaurus thesaurus = new TradeThesaurus();

    @Test
    void everyRoleOfTheListHasItsLineInItsDepartment() {
        for (FilmRoles.Department department : FilmRoles.DEPARTMENTS) {
            for (String role : department.roles()) {
                assertThat(thesaurus.entries()).as(role)
                        .anySatisfy(e -> {
                            assertThat(e.role()).isEqualTo(role);
                            assertThat(e.department()).isEqualTo(department.name());
                        });
            }
        }
    }

    /** Each term of each line, typed as a search, stands for its own role (and every name of it). */
    @TestFactory
    Stream<DynamicTest> everyTermExpandsToItsRoleAndAllItsNames() {
        return thesaurus.entries().stream().flatMap(entry -> entry.terms().stream().map(term ->
                DynamicTest.dynamicTest(entry.role() + " ← " + term, () -> {
                    List<TradeThesaurus.Match> found = thesaurus.find(TradeThesaurus.normalize(term).isEmpty()
                            ? List.of() : List.of(TradeThesaurus.normalize(term).split(" ")));
                    assertThat(found).hasSize(1);
                    assertThat(found.get(0).entries()).contains(entry);
                    // Every name of the role, but those that name another role too ("editor" is in "Assistant Editor").
                    List<String> phrases = found.get(0).phrases().stream().map(TradeThesaurus::normalize).toList();
                    assertThat(phrases).contains(TradeThesaurus.normalize(term));
                    // Its own name: as words, or as the whole field when it is part of another's ("Director", "Grip").
                    assertThat(phrases.contains(TradeThesaurus.normalize(entry.role())) || found.get(0).exactRoles().contains(entry.role()))
                            .as("the role's own name").isTrue();
                    assertThat(thesaurus.entriesOf(term)).contains(entry);
                })));
    }

    @Test
    void theTradesShorthandMeansWhatCrewsMeanByIt() {
        assertThat(roles("DP")).containsExactly("Director of Photography");
        assertThat(roles("DoP")).containsExactly("Director of Photography");
        assertThat(roles("dop")).containsExactly("Director of Photography");
        assertThat(roles("Kameramann")).contains("Director of Photography");
        assertThat(roles("autor zdjęć")).containsExactly("Director of Photography");
        assertThat(roles("autor zdjec")).containsExactly("Director of Photography");
        assertThat(roles("1st AC")).containsExactly("First Assistant Camera");
        assertThat(roles("AC")).containsExactly("First Assistant Camera", "Second Assistant Camera");
        assertThat(roles("AD")).containsExactly("First Assistant Director", "Second Assistant Director");
        assertThat(roles("boom op")).containsExactly("Boom Operator");
        assertThat(roles("colourist")).containsExactly("Colorist");
        assertThat(roles("make-up artist")).containsExactly("Make-up Artist");
        assertThat(roles("makeup artist")).containsExactly("Make-up Artist");
        assertThat(roles("chef opérateur")).containsExactly("Director of Photography");
        assertThat(roles("Schärfenzieher")).containsExactly("First Assistant Camera");
        assertThat(roles("montażysta")).containsExactly("Film Editor");
    }

    @Test
    void wordsThatOnlyStartLikeATermAreNoTerm() {
        assertThat(roles("Adam")).isEmpty();
        assertThat(roles("adrian")).isEmpty();
        assertThat(roles("acting")).isEmpty();
        assertThat(roles("dpx")).isEmpty();
        assertThat(roles("director")).containsExactly("Director").doesNotContain("Film Editor");
        assertThat(roles("editor")).containsExactly("Film Editor").doesNotContain("Director");
    }

    @Test
    void termsAreFoundInsideASearchLongestFirst() {
        List<TradeThesaurus.Match> found = thesaurus.find(List.of("DP", "Berlin"));
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.start()).isZero();
            assertThat(m.end()).isEqualTo(1);
            assertThat(m.typed()).isEqualTo("DP");
            assertThat(m.phrases()).contains("director of photography", "cinematographer", "Kameramann", "autor zdjęć");
        });
        List<TradeThesaurus.Match> two = thesaurus.find(List.of("first", "assistant", "director", "Lisbon"));
        assertThat(two).singleElement().satisfies(m -> {
            assertThat(m.end()).isEqualTo(3);
            assertThat(m.entries()).extracting(TradeThesaurus.Entry::role).containsExactly("First Assistant Director");
        });
        assertThat(thesaurus.find(List.of("Adam", "Berlin"))).isEmpty();
    }

    @Test
    void aRolesNameThatIsPartOfAnotherRoleIsNotLookedForUnlessTyped() {
        List<String> filmEditor = thesaurus.find(List.of("Film", "Editor")).get(0).phrases();
        assertThat(filmEditor).contains("Film Editor", "cutter", "monteur").doesNotContain("editor");
        assertThat(thesaurus.find(List.of("editor")).get(0).phrases()).contains("editor");
        assertThat(thesaurus.find(List.of("AD")).get(0).phrases()).contains("assistant director", "1st AD", "2nd AD");
    }

    private List<String> roles(String typed) {
        return thesaurus.entriesOf(typed).stream().map(TradeThesaurus.Entry::role).toList();
    }

    @Test
    void theAsciiShortcutNormalisesAsTheGeneralPathDoes() {
        java.util.Random random = new java.util.Random(17);
        String alphabet = "aZ09 -_.,;'\"/\\\t\n()&+#@!?~`^%$*={}[]<>|:Mx";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(16); i > 0; i--) {
                text.append(random.nextBoolean() ? alphabet.charAt(random.nextInt(alphabet.length())) : (char) random.nextInt(128));
            }
            assertThat(TradeThesaurus.normalizeAscii(text.toString())).as("%s", text)
                    .isEqualTo(TradeThesaurus.normalizeAnyText(text.toString()));
        }
        assertThat(TradeThesaurus.normalize("  1st AC, Berlin-Mitte ")).isEqualTo("1st ac berlin mitte");
        assertThat(TradeThesaurus.normalizeAscii("Łódź")).as("not ASCII: the general path").isNull();
        assertThat(TradeThesaurus.normalize("Agnieszka Łódź-Kraków")).isEqualTo("agnieszka lodz krakow");
    }
}
