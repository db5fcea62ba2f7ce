package com.moviepeople.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.moviepeople.feed.Feed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Report" beside a post card's author, on a phone: one word on one line, however long the author's
 * name. In the card's flex row it used to shrink with the name beside it and break as "Repo / rt".
 */
class ReportLinkBrowserTests extends BrowserTest {

    @Autowired
    Feed feed;

    /** How many line boxes the text of the element's first text node takes. */
    private static int linesOf(Locator element) {
        return ((Number) element.evaluate("""
                e => { const r = document.createRange(); r.selectNodeContents(e.firstChild);
                       return new Set(Array.from(r.getClientRects()).map(x => Math.round(x.top))).size; }""")).intValue();
    }

    @Test
    void theReportLinkOfAPostStaysOneWordOnAPhone() {
        Member maya = member("maya", "Maya Lindholm-Okafor-Wiśniewska de la Vega y Castellanos");
        Member ben = member("ben", "Ben Okafor");
        connect(maya, ben);
        long post = feed.publish(maya.id(), "Picture wrap on the ferry tonight — thank you all!");

        Page p = openWindow(PHONE);
        logIn(p, ben);
        for (String url : new String[]{"/feed", "/posts/" + post}) {
            p.navigate("http://localhost:" + port + url);
            Locator report = p.locator("#post-" + post + " [data-report='post']");
            assertThat(report.textContent()).startsWith("Report");
            assertThat(linesOf(report)).as("the lines of \"Report\" on " + url).isEqualTo(1);
            assertNoHorizontalScroll(p);
        }
    }
}
