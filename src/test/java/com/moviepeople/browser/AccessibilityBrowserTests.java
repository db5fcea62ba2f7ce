package com.moviepeople.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/** Keyboard-only use, and the htmx-enhanced forms without JavaScript. axe-core runs in {@link #checkPage}. */
class AccessibilityBrowserTests extends BrowserTest {

    @Test
    void aMemberLogsInPostsAndCommentsWithTheKeyboardOnly() {
        Member member = member("keys", "Kay Board");
        page.navigate("/");

        // The first Tab reaches the skip link, which shows itself.
        page.keyboard().press("Tab");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Skip to content"))).isFocused();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Skip to content"))).isVisible();
        tabTo(page, "#main-nav a[href='/login']");
        page.keyboard().press("Enter");
        page.waitForURL("**/login");

        tabTo(page, "#username");
        page.keyboard().type(member.username());
        tabTo(page, "#password");
        page.keyboard().type(PASSWORD);
        tabTo(page, "form[action='/login'] button[type=submit]");
        page.keyboard().press("Enter");
        page.waitForURL("**/feed");

        tabTo(page, "#content");
        page.keyboard().type("Typed without a mouse.");
        tabTo(page, "form[data-form=post] button[type=submit]");
        page.keyboard().press("Enter");
        assertThat(page.locator("#feed-posts [data-post-body]").first()).hasText("Typed without a mouse.");
        // The keyboard stays in the form, ready for the next post.
        assertThat(page.locator("#content")).isFocused();

        tabTo(page, "#feed-posts article[data-post-id] .card-footer a");
        page.keyboard().press("Enter");
        page.waitForURL(Pattern.compile(".*/posts/\\d+$"));
        tabTo(page, "form[data-form=comment] textarea");
        page.keyboard().type("And a comment, too.");
        tabTo(page, "form[data-form=comment] button[type=submit]");
        page.keyboard().press("Enter");
        assertThat(page.locator("#comment-list [data-comment-body]")).hasText("And a comment, too.");
        assertThat(page.locator("form[data-form=comment] textarea")).isFocused();
    }

    @Test
    void connectingPostingAndCommentingWorkWithoutJavaScript() {
        Member ana = member("ana", "Ana Noscript");
        Member bo = member("bo", "Bo Noscript");
        BrowserContext noScript = context.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port).setJavaScriptEnabled(false)
                // No smooth scrolling (Bootstrap's :root rule) to /feed#post-N: once, in CI, the Comment link
                // under it never held still for Playwright's click within 30 s.
                .setReducedMotion(com.microsoft.playwright.options.ReducedMotion.REDUCE));
        try {
            Page p = noScript.newPage();
            logIn(p, ana);
            p.locator("#nav-search").fill(bo.username());
            p.locator("#nav-search").press("Enter");
            p.locator("[data-search-result][data-member='" + bo.username() + "']")
                    .getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Connect")).click();
            p.waitForLoadState();
            assertThat(p.locator("#flash")).containsText("Connection request sent to Bo Noscript");
            assertThat(p.locator("[data-connection-for='" + bo.username() + "']")).hasAttribute("data-connection-state", "REQUEST_SENT");

            p.navigate("/feed");
            p.getByLabel("Share an update with your network").fill("Posted the old-fashioned way");
            p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post")).click();
            p.waitForURL(Pattern.compile(".*/feed#post-\\d+$"));
            assertThat(p.locator("#feed-posts [data-post-body]").first()).hasText("Posted the old-fashioned way");

            p.locator("#feed-posts article[data-post-id] .card-footer a").first().click();
            p.getByLabel("Add a comment").fill("Commented without JavaScript");
            p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Comment")).click();
            p.waitForURL(Pattern.compile(".*/posts/\\d+#comment-\\d+$"));
            assertThat(p.locator("#comment-list [data-comment-body]")).hasText("Commented without JavaScript");
        } finally {
            noScript.close();
        }
    }

    /** Presses Tab until the element matching the selector has the focus (a keyboard user's only way around). */
    private static void tabTo(Page p, String selector) {
        for (int i = 0; i < 60; i++) {
            Object focused = p.evaluate("s => { const e = document.activeElement; return !!e && e.matches(s); }", selector);
            if (Boolean.TRUE.equals(focused)) {
                return;
            }
            p.keyboard().press("Tab");
        }
        fail("Tab never reached " + selector + " on " + p.url());
    }
}
