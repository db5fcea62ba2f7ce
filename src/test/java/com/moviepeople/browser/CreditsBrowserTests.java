package com.moviepeople.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import com.moviepeople.profiles.ProfileForm;
import com.moviepeople.profiles.ProfileService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The credits journey at a desktop and a phone size, clicked as members would: a member adds a
 * production and her credit on it, a colleague adds his credit on the same production, confirms
 * hers from her profile, finds her among the people he worked with and connects; she accepts.
 * Members and their profiles are set up through the modules' APIs; productions, credits and
 * confirmations only through the pages. Every main page visited gets {@link #checkPage}.
 */
class CreditsBrowserTests extends BrowserTest {

    @Autowired
    ProfileService profiles;

    static List<ViewportSize> sizes() {
        return List.of(DESKTOP, PHONE);
    }

    /** One production per size: the same title and year would be the same production. */
    private record Production(String title, String year, String kindLabel, String typo, String search) {

        String label() {
            return title + " (" + year + ")";
        }
    }

    private static Production productionFor(ViewportSize size) {
        return size == DESKTOP
                ? new Production("The Night Ferry", "2024", "Feature film", "Night Fery", "night ferry")
                : new Production("Salt and Static", "2023", "Short film", "Salt and Statik", "salt static");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sizes")
    void colleaguesCreditEachOtherConfirmTheCreditAndConnect(ViewportSize size) {
        Production production = productionFor(size);
        Member maya = member("maya", "Maya Lindholm");
        profile(maya, "Film Editor", "Editor of documentaries and quiet features", "Gdańsk, Poland");
        Member julien = member("julien", "Julien Morel");
        profile(julien, "Director of Photography", "Cinematographer, mostly night exteriors", "Lyon, France");

        // Maya: her profile → "Add a credit" → productions → "Add a production" → the production's page.
        Page mayaPage = openWindow(size);
        logIn(mayaPage, maya);
        clickNav(mayaPage, "My profile");
        mayaPage.waitForURL("**/people/" + maya.username());
        assertThat(mayaPage.locator("[data-empty-credits=own]")).isVisible();
        mayaPage.locator("[data-credits]").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Add a credit")).click();
        mayaPage.waitForURL(Pattern.compile(".*/productions$"));
        checkPage(mayaPage, "productions", size);

        mayaPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a production")).click();
        mayaPage.waitForURL("**/productions/new**");
        checkPage(mayaPage, "production-form", size);
        mayaPage.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill(production.title());
        mayaPage.getByLabel("Year").fill(production.year());
        mayaPage.getByLabel("Kind").selectOption(new SelectOption().setLabel(production.kindLabel()));
        mayaPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add production")).click();
        mayaPage.waitForURL(Pattern.compile(".*/productions/\\d+#add-credit$"));
        String productionPath = mayaPage.url().replaceAll("^https?://[^/]+", "").replace("#add-credit", "");
        assertThat(mayaPage.locator("[data-field=title]")).hasText(production.label());
        assertThat(mayaPage.locator("#flash")).containsText("Now add your credit");
        assertThat(mayaPage.locator("[data-empty-credits]")).isVisible();

        // Her credit, with a role from the list the field offers.
        Locator role = mayaPage.getByLabel("Your role");
        Locator choice = mayaPage.locator("datalist#" + role.getAttribute("list") + " option[value='Film Editor']");
        assertThat(choice).hasCount(1);
        role.fill(choice.getAttribute("value"));
        mayaPage.getByLabel("Note").fill("Picture lock in eleven weeks");
        mayaPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add my credit")).click();
        mayaPage.waitForURL(Pattern.compile(".*" + Pattern.quote(productionPath) + "$"));
        assertThat(mayaPage.locator("#flash")).containsText("Your credit as Film Editor is on your profile");
        Locator mayaCredit = mayaPage.locator("[data-department='Editorial'] li[data-credit-id]");
        assertThat(mayaCredit).hasCount(1);
        assertThat(mayaCredit).containsText("Maya Lindholm");
        assertThat(mayaCredit).containsText("Film Editor");
        assertThat(mayaCredit).hasAttribute("data-confirmations", "0");
        assertThat(mayaCredit.locator("[data-confirmed-by]")).containsText("Not confirmed yet");
        String creditId = mayaCredit.getAttribute("data-credit-id");
        checkPage(mayaPage, "production", size);

        // Julien, in another browser, finds the same production and adds his own credit.
        BrowserContext julienContext = newContext(size, null);
        Page julienPage = julienContext.newPage();
        logIn(julienPage, julien);
        clickNav(julienPage, "My profile");
        julienPage.waitForURL("**/people/" + julien.username());
        julienPage.locator("[data-credits]").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Add a credit")).click();
        julienPage.waitForURL(Pattern.compile(".*/productions$"));
        if (size == DESKTOP) {
            // He adds it again with a typo: the existing production is offered before a second one is made.
            julienPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a production")).click();
            julienPage.waitForURL("**/productions/new**");
            julienPage.getByLabel("Title", new Page.GetByLabelOptions().setExact(true)).fill(production.typo());
            julienPage.getByLabel("Year").fill(production.year());
            julienPage.getByLabel("Kind").selectOption(new SelectOption().setLabel(production.kindLabel()));
            julienPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add production")).click();
            Locator near = julienPage.locator("[data-near-matches]");
            assertThat(near).containsText("Did you mean");
            assertThat(near.locator("[data-near-match]")).hasCount(1);
            assertThat(near.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                    .setName("No, add “" + production.typo() + "” (" + production.year() + ") as a new production"))).isVisible();
            checkPage(julienPage, "production-form-did-you-mean", size);
            near.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(production.label())).click();
        } else {
            // He looks it up, without "The" and in lower case.
            julienPage.getByLabel(Pattern.compile("^Title")).fill(production.search());
            julienPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find")).click();
            julienPage.waitForURL("**/productions?q=**");
            checkPage(julienPage, "productions-search", size);
            julienPage.locator("[data-productions]").getByRole(AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName(production.label())).click();
        }
        julienPage.waitForURL(Pattern.compile(".*" + Pattern.quote(productionPath) + "(#add-credit)?$"));
        // Not credited on it yet: he cannot confirm Maya's credit.
        assertThat(julienPage.locator("li[data-credit-id='" + creditId + "'] [data-action=confirm-credit]")).hasCount(0);
        julienPage.getByLabel("Your role").fill("Director of Photography");
        julienPage.getByLabel("Note").fill("Night exteriors");
        julienPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add my credit")).click();
        julienPage.waitForURL(Pattern.compile(".*" + Pattern.quote(productionPath) + "$"));
        assertThat(julienPage.locator("[data-department='Camera'] li[data-credit-id]")).containsText("Julien Morel");
        assertThat(julienPage.locator("[data-credit-count]")).hasText("2 credits");
        assertThat(julienPage.locator("li[data-credit-id='" + creditId + "'] [data-action=confirm-credit]")).isVisible();
        checkPage(julienPage, "production-colleague", size);

        // From the production page to Maya's profile: they worked together; he confirms her credit there.
        julienPage.locator("li[data-credit-id='" + creditId + "']")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Maya Lindholm")).click();
        julienPage.waitForURL("**/people/" + maya.username());
        assertThat(julienPage.locator("[data-worked-together]")).hasAttribute("data-worked-together", "1");
        assertThat(julienPage.locator("[data-worked-together]")).containsText(production.label());
        Locator onProfile = julienPage.locator("[data-credits] li[data-credit-id='" + creditId + "']");
        assertThat(onProfile).hasAttribute("data-confirmations", "0");
        onProfile.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Confirm Maya Lindholm as Film Editor")).click();
        julienPage.waitForURL("**/people/" + maya.username() + "#credits");
        assertThat(julienPage.locator("#flash")).containsText("You confirmed the credit");
        assertThat(onProfile).hasAttribute("data-confirmations", "1");
        assertThat(onProfile.locator("[data-confirmed-by]")).containsText("Confirmed by 1 colleague");
        assertThat(onProfile.locator("[data-confirmed-by]").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Julien Morel"))).hasAttribute("href", "/people/" + julien.username());
        assertThat(onProfile.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Withdraw"))))
                .isVisible();
        checkPage(julienPage, "profile-credits", size);

        // Maya sees the confirmation on her own profile.
        clickNav(mayaPage, "My profile");
        mayaPage.waitForURL("**/people/" + maya.username());
        Locator own = mayaPage.locator("[data-credits] li[data-credit-id='" + creditId + "']");
        assertThat(own).hasAttribute("data-confirmations", "1");
        assertThat(own.locator("[data-confirmed-by]")).containsText("Confirmed by 1 colleague: Julien Morel");
        checkPage(mayaPage, "profile-credits-own", size);

        // Julien: Connections → People you worked with → Connect, in place.
        clickNav(julienPage, "Connections");
        julienPage.waitForURL("**/connections");
        julienPage.locator("main").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("People you worked with")).click();
        julienPage.waitForURL("**/connections/suggestions");
        checkPage(julienPage, "suggestions", size);
        Locator suggestion = julienPage.locator("[data-suggestion='" + maya.username() + "']");
        assertThat(suggestion.locator("[data-shared]")).hasAttribute("data-shared", "1");
        assertThat(suggestion.locator("[data-shared]")).containsText(production.label());
        assertThat(suggestion.locator("[data-connection-state]")).hasAttribute("data-connection-state", "NONE");
        suggestion.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Connect"))).click();
        assertThat(suggestion.locator("[data-connection-state]")).hasAttribute("data-connection-state", "REQUEST_SENT");
        assertThat(suggestion.getByText("Request sent")).isVisible();
        assertThat(julienPage.locator("#flash")).containsText("Connection request sent to Maya Lindholm");
        assertThat(julienPage).hasURL(Pattern.compile(".*/connections/suggestions$"));

        // Maya accepts from her pending requests.
        clickNav(mayaPage, "Connections");
        mayaPage.waitForURL("**/connections");
        assertThat(mayaPage.locator("[data-pending-requests]")).hasAttribute("data-pending-requests", "1");
        mayaPage.locator("main").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^Pending requests"))).click();
        mayaPage.waitForURL("**/connections/pending");
        checkPage(mayaPage, "pending", size);
        Locator request = mayaPage.locator("[data-received] [data-request][data-member='" + julien.username() + "']");
        request.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Accept"))).click();
        assertThat(request.locator("[data-connection-state]")).hasAttribute("data-connection-state", "CONNECTED");
        assertThat(mayaPage.locator("#flash")).containsText("You are now connected with Julien Morel");

        // Connected: Maya is among Julien's connections and no longer among his suggestions.
        clickNav(julienPage, "Connections");
        julienPage.waitForURL("**/connections");
        assertThat(julienPage.locator("[data-connection][data-member='" + maya.username() + "']")).isVisible();
        julienPage.locator("main").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("People you worked with")).click();
        julienPage.waitForURL("**/connections/suggestions");
        assertThat(julienPage.locator("[data-suggestion='" + maya.username() + "']")).hasCount(0);
        assertThat(julienPage.locator("[data-suggestions-empty]")).isVisible();
        checkPage(julienPage, "suggestions-empty", size);
        julienContext.close();
    }

    /** Fills a profile through the profiles API (set-up: the profile form has its own journey). */
    private void profile(Member m, String role, String headline, String location) {
        profiles.save(m.id(), new ProfileForm(m.displayName(), headline, role, location, "", ""));
    }
}
