package com.moviepeople.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.moviepeople.profiles.ProfileForm;
import com.moviepeople.profiles.ProfileService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Issue 24 on a phone: a producer searches "DP", sees every director of photography whatever
 * they call themselves with the reason each matched, narrows by a city facet, and opens a result.
 */
class SearchTradeWordsBrowserTests extends BrowserTest {

    @Autowired
    ProfileService profiles;

    @Test
    void aProducerFindsADpInACityOnAPhone() {
        Member producer = member("prod", "Paula Producer");
        Member ines = member("ines", "Ines Licht");
        Member jonas = member("jonas", "Jonas Weber");
        Member ola = member("ola", "Ola Nowak");
        profiles.save(ines.id(), new ProfileForm("Ines Licht", "Documentaries and features", "DoP", "Ericeira, Portugal", null, null));
        profiles.save(jonas.id(), new ProfileForm("Jonas Weber", null, "Kameramann", "Ericeira", null, null));
        profiles.save(ola.id(), new ProfileForm("Ola Nowak", null, "Autor zdjęć", "Zakopane, Poland", null, null));

        Page p = openWindow(PHONE);
        logIn(p, producer);
        p.navigate("/search");
        p.getByLabel("Name, place or job (e.g. DP)").fill("DP");
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        p.waitForURL("**/search?**");
        // (Other tests' members may be DPs too: the browser tests share one database.)
        for (Member dp : java.util.List.of(ines, jonas, ola)) {
            assertThat(p.locator("[data-search-result][data-member='" + dp.username() + "']")).hasCount(1);
        }
        assertThat(p.locator("[data-search-result][data-member='" + ola.username() + "'] [data-match-reason]"))
                .containsText("role: Autor zdjęć (DP)");
        assertThat(p.locator("[data-search-order]")).containsText("No paid placement");
        checkPage(p, "search-trade-words", PHONE);

        p.locator("[data-facet='city:Ericeira']").click();
        p.waitForURL("**location=Ericeira**");
        assertThat(p.locator("[data-search-result]")).hasCount(2);
        assertThat(p.locator("[data-search-result][data-member='" + ola.username() + "']")).hasCount(0);

        p.locator("[data-search-result][data-member='" + jonas.username() + "'] a.fw-semibold").click();
        p.waitForURL("**/people/" + jonas.username());
        assertThat(p.locator("[data-field=role]")).hasText("Kameramann");
    }
}
