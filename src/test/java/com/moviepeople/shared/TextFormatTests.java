package com.moviepeople.shared;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TextFormatTests {

    private final TextFormat text = new TextFormat();

    @Test
    void escapesEverythingAndLinksOnlyWebAddresses() {
        assertThat(text.linkified("<script>alert(1)</script> see https://example.com/a?b=1&c=2 and www.film.org."))
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; see <a href=\"https://example.com/a?b=1&amp;c=2\" "
                        + "rel=\"nofollow noopener noreferrer ugc\" target=\"_blank\">https://example.com/a?b=1&amp;c=2</a> and "
                        + "<a href=\"https://www.film.org\" rel=\"nofollow noopener noreferrer ugc\" target=\"_blank\">www.film.org</a>.");
    }

    @Test
    void neverLinksOtherSchemesOrBreaksOutOfAttributes() {
        assertThat(text.linkified("javascript:alert(1) data:text/html,x")).doesNotContain("<a");
        String quoted = text.linkified("https://example.com/\"onmouseover=\"alert(1)");
        assertThat(quoted).doesNotContain("\"onmouseover").contains("&quot;");
    }

    @Test
    void shortensAtAWord() {
        assertThat(text.shortened("Call sheet for tomorrow is out", 15)).isEqualTo("Call sheet for…");
        assertThat(text.shortened("short", 15)).isEqualTo("short");
        assertThat(text.shortened("line\nbreaks   collapse", 40)).isEqualTo("line breaks collapse");
    }

    @Test
    void neverCutsAnEmojiAFlagOrALetterFromItsAccent() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // man, woman, girl joined: one character
        String flag = "\uD83C\uDDF5\uD83C\uDDF1"; // the Polish flag: two regional indicators
        String accented = "e\u0301"; // e + combining acute accent
        // Four characters a reader sees; shortened to three, the fourth goes whole.
        assertThat(text.shortened("ab" + family + "cd", 4)).isEqualTo("ab" + family + "…");
        assertThat(text.shortened("a" + flag + flag + flag, 3)).isEqualTo("a" + flag + "…");
        assertThat(text.shortened("Caf" + accented + " au lait", 5)).isEqualTo("Caf" + accented + "…");
        for (int max = 2; max < 12; max++) {
            String cut = text.shortened("Wrap" + family + flag + accented + "\uD83C\uDFAC party", max);
            assertThat(cut.codePoints().noneMatch(c -> Character.isSurrogate((char) c))).as("no lone surrogate at %d", max).isTrue();
            assertThat(cut).doesNotEndWith("\u200D…").doesNotEndWith("\uD83C\uDDF5…");
        }
    }

    @Test
    void excerptsFitTheDatabaseLimitInCodePointsWithWholeCharacters() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // 5 code points
        assertThat(TextFormat.atMost("short", 10)).isEqualTo("short");
        String cut = TextFormat.atMost("abc" + family + "def", 8);
        assertThat(cut).isEqualTo("abc…"); // the family (5 code points) does not fit in the 7 left for text
        assertThat(cut.codePointCount(0, cut.length())).isLessThanOrEqualTo(8);
        assertThat(TextFormat.atMost("ab" + family + "cdefgh", 8)).isEqualTo("ab" + family + "…");
    }

    @Test
    void prefixesNeverEndInHalfAnEmoji() {
        String clapper = "\uD83C\uDFAC";
        assertThat(TextFormat.prefix("ab" + clapper, 3)).isEqualTo("ab");
        assertThat(TextFormat.prefix("ab" + clapper, 4)).isEqualTo("ab" + clapper);
        assertThat(TextFormat.prefix("abcdef", 3)).isEqualTo("abc");
    }

    @Test
    void relativeTimesThenDates() {
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        Times times = new Times(Clock.fixed(now, ZoneOffset.UTC));
        assertThat(times.relative(now.minusSeconds(20))).isEqualTo("just now");
        assertThat(times.relative(now.minus(3, ChronoUnit.MINUTES))).isEqualTo("3 minutes ago");
        assertThat(times.relative(now.minus(2, ChronoUnit.DAYS))).isEqualTo("2 days ago");
        assertThat(times.relative(now.minus(30, ChronoUnit.DAYS))).isEqualTo("26 Oct 2026");
        assertThat(times.exact(now)).isEqualTo("25 Nov 2026, 12:00 UTC");
    }
}
