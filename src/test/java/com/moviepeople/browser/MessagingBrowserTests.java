package com.moviepeople.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.moviepeople.messaging.Messaging;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Two connections hold a conversation that updates live, under the strict CSP; it also works without JavaScript. */
class MessagingBrowserTests extends BrowserTest {

    private static final com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions BADGE =
            new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(10_000);

    @Autowired
    Messaging messaging;

    @Test
    void twoConnectionsChatLiveWithoutReloading() {
        Member anna = member("anna", "Anna Editor");
        Member ben = member("ben", "Ben Director");
        connect(anna, ben);

        logIn(page, anna);
        page.navigate("/messages/" + ben.username());
        BrowserContext benContext = newContext(DESKTOP, null);
        Page benPage = benContext.newPage();
        logIn(benPage, ben);
        benPage.navigate("/messages/" + anna.username());
        String annaUrl = page.url();

        page.getByLabel("Message to Ben Director").fill("Hi Ben!\nAre you free in March?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        assertThat(page.locator("#message-list [data-message-body]")).hasText("Hi Ben!\nAre you free in March?");
        assertThat(page.getByLabel("Message to Ben Director")).hasValue("");
        assertThat(page.url()).isEqualTo(annaUrl); // no reload, no redirect

        // Ben's open page receives it live (server-sent event, then the /since fragment), and it counts as read.
        assertThat(benPage.locator("#message-list [data-message-body]")).hasText("Hi Ben!\nAre you free in March?",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(10_000));
        benPage.getByLabel("Message to Anna Editor").fill("Yes! Let's talk <b>tomorrow</b>.");
        benPage.keyboard().press("Control+Enter");
        assertThat(page.locator("#message-list [data-message-body]").nth(1)).hasText("Yes! Let's talk <b>tomorrow</b>.",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(10_000));
        assertThat(page.locator("#message-list [data-message-id]")).hasCount(2);
        assertThat(benPage.locator("#message-list [data-message-id]")).hasCount(2);

        // A blank message is refused next to the field, in place.
        page.getByLabel("Message to Ben Director").fill("   ");
        page.locator("#send-form").evaluate("form => form.requestSubmit()");
        assertThat(page.locator("#content-error")).hasText("Write a message first.");
        assertThat(page.locator("#message-list [data-message-id]")).hasCount(2);

        screenshot(page, "messages-conversation", DESKTOP);
        benPage.navigate("/messages");
        assertThat(benPage.locator("[data-conversation]")).hasAttribute("data-unread", "0");
        benContext.close();
    }

    /**
     * The badge follows on any page without a reload, and a browser shares one event stream among
     * its tabs: the feed tab holds it, the conversation tab opened next hears through it.
     */
    @Test
    void theUnreadBadgeAndASecondTabFollowLive() {
        Member anna = member("anna", "Anna Editor");
        Member ben = member("ben", "Ben Director");
        connect(anna, ben);
        logIn(page, anna);
        assertThat(page.locator("[data-unread-messages]")).hasAttribute("data-unread-messages", "0");

        messaging.send(ben.id(), anna.id(), "Are you on set tomorrow?");
        assertThat(page.locator("[data-unread-messages]")).hasAttribute("data-unread-messages", "1", BADGE);
        assertThat(page.locator("[data-unread-messages]")).isVisible();

        // A second tab reads the conversation: the first tab's badge goes back to 0.
        Page conversation = context.newPage();
        conversation.navigate("/messages/" + ben.username());
        assertThat(conversation.locator("#message-list [data-message-body]")).hasText("Are you on set tomorrow?");
        assertThat(page.locator("[data-unread-messages]")).hasAttribute("data-unread-messages", "0", BADGE);

        // The conversation tab has no stream of its own, yet a new message appears in it at once.
        messaging.send(ben.id(), anna.id(), "Call time is 6am.");
        assertThat(conversation.locator("#message-list [data-message-body]").nth(1)).hasText("Call time is 6am.",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(10_000));
        assertThat(page.locator("[data-unread-messages]")).hasAttribute("data-unread-messages", "0");
    }

    @Test
    void sendingWorksWithJavaScriptOff() {
        Member anna = member("anna", "Anna Editor");
        Member ben = member("ben", "Ben Director");
        connect(anna, ben);
        BrowserContext noScript = browserWithoutJavaScript();
        Page p = noScript.newPage();
        logIn(p, anna);
        p.navigate("/messages/" + ben.username());
        p.getByLabel("Message to Ben Director").fill("Sent the old-fashioned way");
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        p.waitForURL("**/messages/" + ben.username() + "#send-area");
        assertThat(p.locator("[role=status]")).containsText("Message sent");
        assertThat(p.locator("#message-list [data-message-body]")).hasText("Sent the old-fashioned way");
        noScript.close();
    }

    @Test
    void theConversationFitsAPhone() {
        Member anna = member("anna", "Anna Editor");
        Member ben = member("ben", "Ben Director");
        connect(anna, ben);
        BrowserContext phone = newContext(PHONE, null);
        Page p = phone.newPage();
        logIn(p, anna);
        p.navigate("/messages/" + ben.username());
        p.getByLabel("Message to Ben Director").fill("x".repeat(300) + " https://example.com/" + "a".repeat(200));
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        assertThat(p.locator("#message-list [data-message-id]")).hasCount(1);
        assertNoHorizontalScroll(p);
        screenshot(p, "messages-conversation", PHONE);
        p.navigate("/messages");
        assertNoHorizontalScroll(p);
        screenshot(p, "messages-inbox", PHONE);
        phone.close();
    }

    private BrowserContext browserWithoutJavaScript() {
        return context.browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port).setJavaScriptEnabled(false));
    }
}
