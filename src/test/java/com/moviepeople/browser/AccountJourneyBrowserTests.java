package com.moviepeople.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Journey 5 of issue 8: sign up, log out, log in by e-mail, remember-me across a browser restart. */
class AccountJourneyBrowserTests extends BrowserTest {

    @Test
    void signUpLogOutLogInByEmailAndStayLoggedInAfterABrowserRestart() {
        for (ViewportSize size : List.of(DESKTOP, PHONE)) {
            context.close();
            context = newContext(size, null);
            page = context.newPage();

            page.navigate("/");
            checkPage(page, "landing", size);
            String username = signUp(page, "journey", "Journey Tester");
            assertThat(page.locator("[data-unread-messages]")).hasAttribute("data-unread-messages", "0");

            clickNav(page, "Log out");
            page.waitForURL("**/login?logout");
            assertThat(page.getByText("You have been logged out")).isVisible();
            checkPage(page, "login", size);

            page.getByLabel("Username or e-mail").fill(username.toUpperCase() + "@EXAMPLE.COM");
            page.getByLabel("Password").fill("wrong password!");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
            assertThat(page.locator("[data-login-error]")).isVisible();

            page.getByLabel("Username or e-mail").fill(username.toUpperCase() + "@EXAMPLE.COM");
            page.getByLabel("Password").fill(PASSWORD);
            page.getByLabel("Keep me logged in on this device").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
            page.waitForURL("**/feed");
            checkPage(page, "feed-new-member", size);

            // "Restart the browser": a new context with the saved cookies, minus the session cookie.
            Path state = Path.of("target", "browser-state-" + size.name() + ".json");
            context.storageState(new BrowserContext.StorageStateOptions().setPath(state));
            List<Cookie> persistent = context.cookies().stream().filter(c -> !"SESSION".equals(c.name)).toList();
            assertThat(persistent).extracting(c -> c.name).contains("remember-me");
            context.close();
            context = newContext(size, null);
            context.addCookies(persistent);
            page = context.newPage();
            page.navigate("/feed");
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/feed$"));
            assertThat(page.locator("[data-nav=profile]")).hasAttribute("href", "/people/" + username);
        }
    }

    @Test
    void navigationCollapsesIntoAMenuOnAPhone() {
        context.close();
        context = newContext(PHONE, null);
        page = context.newPage();
        signUp(page, "phone", "Phone Tester");
        assertThat(page.locator(".navbar-toggler")).isVisible();
        assertThat(page.locator("#main-nav")).not().isVisible();
        page.locator(".navbar-toggler").click();
        assertThat(page.locator("#main-nav")).isVisible();
        assertThat(page.locator("#main-nav").getByText("Connections")).isVisible();
        assertNoHorizontalScroll(page);
    }

    @Test
    void signupErrorsShowNextToTheFieldsAndKeepTheInput() {
        page.navigate("/signup");
        page.getByLabel("Your name").fill("Keeps Input");
        page.getByLabel("Username").fill("admin");
        page.getByLabel("E-mail address").fill("not-an-email");
        page.getByLabel("Password").fill("short");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create my account")).click();
        assertThat(page.locator("#username-error")).containsText("reserved");
        assertThat(page.locator("#email-error")).containsText("valid e-mail");
        assertThat(page.locator("#password-error")).containsText("10 to 256");
        assertThat(page.getByLabel("Your name")).hasValue("Keeps Input");
        screenshot(page, "signup-errors", DESKTOP);
    }
}
