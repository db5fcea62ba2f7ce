package com.moviepeople.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.moviepeople.profiles.ProfileForm;
import com.moviepeople.profiles.ProfileService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Issue 23 on a phone and a desktop: Maya keeps her location to her connections and shows her
 * e-mail address to members, in Settings → Privacy; a visitor who is not signed in no longer sees
 * her location, a signed-in member who is not her connection sees her address but not her
 * location, and the plain-language privacy page is one click from the footer.
 */
class PrivacyBrowserTests extends BrowserTest {

    @Autowired
    ProfileService profiles;

    static List<ViewportSize> sizes() {
        return List.of(DESKTOP, PHONE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sizes")
    void aMemberChoosesWhoSeesHerLocationAndAddress(ViewportSize size) {
        Member maya = member("maya", "Maya Lindholm");
        Member ben = member("ben", "Ben Okafor");
        profiles.save(maya.id(), new ProfileForm("Maya Lindholm", "Gaffer for documentaries", "Gaffer", "Tromsø", null, null));

        Page p = openWindow(size);
        logIn(p, maya);
        p.navigate("/settings/privacy");
        checkPage(p, "privacy-settings", size);
        p.locator("#location-connections").check();
        p.locator("#email-members").check();
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        p.waitForURL("**/settings/privacy");
        assertThat(p.locator("#flash")).containsText("Saved");
        assertThat(p.locator("#location-connections")).isChecked();
        assertThat(p.locator("#email-members")).isChecked();
        // Her own profile still shows everything.
        p.navigate("/people/" + maya.username());
        assertThat(p.locator("[data-field=location]")).hasText("Tromsø");

        // A visitor: neither.
        BrowserContext visitorWindow = newContext(size, null);
        Page visitor = visitorWindow.newPage();
        visitor.navigate("/people/" + maya.username());
        assertThat(visitor.locator("[data-field=displayName]")).hasText("Maya Lindholm");
        assertThat(visitor.locator("[data-field=location]")).hasCount(0);
        assertThat(visitor.locator("[data-field=email]")).hasCount(0);
        // The privacy page from the footer.
        visitor.locator("[data-privacy-link]").click();
        visitor.waitForURL("**/privacy");
        checkPage(visitor, "privacy", size);
        assertThat(visitor.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Who sees it"))).isVisible();
        visitorWindow.close();

        // A member who is not her connection: the address, not the location.
        BrowserContext benWindow = newContext(size, null);
        Page benPage = benWindow.newPage();
        logIn(benPage, ben);
        benPage.navigate("/people/" + maya.username());
        assertThat(benPage.locator("[data-field=email]")).hasText(maya.username() + "@example.com");
        assertThat(benPage.locator("[data-field=location]")).hasCount(0);
        benWindow.close();
    }
}
