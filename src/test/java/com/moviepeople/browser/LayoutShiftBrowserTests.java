package com.moviepeople.browser;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing on the first screen of a list page moves after it is first drawn (Lighthouse's cumulative
 * layout shift). The long lists are drawn lazily ({@code content-visibility: auto}); their first rows
 * used to be drawn at a 320-pixel placeholder and then shrink to their real height, which moved the
 * footer into view: 0.28 on a desktop's connections page of a demo member with three connections,
 * 0.10 on a phone's ("poor" is 0.25, "good" under 0.1); in these tests, without the fix, 0.035 on
 * the connections page and 0.014 on a search with one result.
 */
class LayoutShiftBrowserTests extends BrowserTest {

    /**
     * The layout shifts of the page in this window since it began loading, summed: every entry the
     * browser recorded (buffered), collected for one second after the load event.
     */
    private static double layoutShift(Page p) {
        p.waitForLoadState();
        return ((Number) p.evaluate("""
                () => new Promise(done => {
                    let sum = 0;
                    new PerformanceObserver(list => {
                        for (const e of list.getEntries()) { if (!e.hadRecentInput) sum += e.value; }
                    }).observe({type: 'layout-shift', buffered: true});
                    setTimeout(() => done(sum), 1000);
                })""")).doubleValue();
    }

    @Test
    void aShortListOfConnectionsStaysWhereItWasFirstDrawn() {
        Member ana = member("ana", "Ana Lindqvist");
        for (String name : new String[]{"Tomás Herrera", "Maya Okafor", "Julien Moreau"}) {
            connect(ana, member("colleague", name));
        }
        for (ViewportSize size : new ViewportSize[]{DESKTOP, PHONE}) {
            Page p = openWindow(size);
            logIn(p, ana);
            p.navigate("/connections");
            assertThat(p.locator("[data-connection]").count()).isEqualTo(3);
            assertThat(layoutShift(p)).as("the layout shift of /connections on a " + size.name()).isLessThan(0.01);
        }
    }

    @Test
    void aShortSearchAndTheFeedStayWhereTheyWereFirstDrawn() {
        String surname = uniqueName("Quill");
        Member ana = member("ana", "Ana " + surname);
        Member ben = member("ben", "Ben " + surname);
        connect(ana, ben);
        for (ViewportSize size : new ViewportSize[]{DESKTOP, PHONE}) {
            Page p = openWindow(size);
            logIn(p, ana);
            p.navigate("/search?q=" + surname);
            assertThat(p.locator("[data-search-result]").count()).isEqualTo(1);
            assertThat(layoutShift(p)).as("the layout shift of a search on a " + size.name()).isLessThan(0.01);
            p.navigate("/feed");
            assertThat(layoutShift(p)).as("the layout shift of /feed on a " + size.name()).isLessThan(0.01);
        }
    }
}
