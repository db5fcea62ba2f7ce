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
