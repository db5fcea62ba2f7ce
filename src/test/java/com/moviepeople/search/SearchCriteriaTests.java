package com.moviepeople.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Only words reach the database; the echo is trimmed and bounded. */
class SearchCriteriaTests {

    @Test
    void keepsOnlyLettersAndDigitsAsWords() {
        SearchCriteria c = SearchCriteria.of("  O'Neill & !Lumière:* (1; DROP--) ", "Re-recording %_ Mixer\\", "São Paulo");
        assertThat(c.qWords()).containsExactly("O", "Neill", "Lumière", "1", "DROP");
        assertThat(c.roleWords()).containsExactly("Re", "recording", "Mixer");
        assertThat(c.locationWords()).containsExactly("São", "Paulo");
        assertThat(c.q()).isEqualTo("O'Neill & !Lumière:* (1; DROP--)");
        assertThat(c.qPhrase()).isEqualTo("O Neill Lumière 1 DROP");
    }

    @Test
    void punctuationOnlyIsAskedButHasNoWords() {
        SearchCriteria c = SearchCriteria.of("%_\\'\"", null, null);
        assertThat(c.isBlank()).isFalse();
        assertThat(c.hasNoWords()).isTrue();
        assertThat(SearchCriteria.of(" ", "\t", null).isBlank()).isTrue();
    }

    @Test
    void removesControlCharactersAndBoundsLength() {
        SearchCriteria c = SearchCriteria.of("nul\u0000byte\u202e", null, null);
        assertThat(c.q()).isEqualTo("nul byte");
        assertThat(c.qWords()).containsExactly("nul", "byte");
        SearchCriteria huge = SearchCriteria.of("ab ".repeat(5000), "x".repeat(10_000), null);
        assertThat(huge.q().length()).isLessThanOrEqualTo(SearchCriteria.MAX_LENGTH);
        assertThat(huge.qWords()).hasSize(SearchCriteria.MAX_WORDS);
        assertThat(huge.roleWords()).singleElement().asString().hasSize(SearchCriteria.MAX_WORD_LENGTH);
    }

    @Test
    void composesDecomposedAccentsAndNeverSplitsSurrogatePairs() {
        assertThat(SearchCriteria.of("Lumie\u0300re", null, null).qWords()).containsExactly("Lumière");
        String emoji = "🎬".repeat(200);
        String cleaned = SearchCriteria.of(emoji, null, null).q();
        assertThat(cleaned.codePointCount(0, cleaned.length())).isEqualTo(SearchCriteria.MAX_LENGTH);
        assertThat(Character.isHighSurrogate(cleaned.charAt(cleaned.length() - 1))).isFalse();
    }
}
