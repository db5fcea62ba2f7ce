package com.moviepeople.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.moviepeople.feed.Feed;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The bell, at a desktop and a phone size: while Maya's feed is open, a colleague comments on her
 * post and another applauds it, in their own windows; her bell lights up without a reload. The list
 * shows both unread; opening one goes to the post; "Mark all as read" clears the bell.
 */
class NotificationsBrowserTests extends BrowserTest {

    @Autowired
    Feed feed;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    static List<ViewportSize> sizes() {
        return List.of(DESKTOP, PHONE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sizes")
    void aCommentAndApplauseLightTheBellLiveAndTheListMarksThemRead(ViewportSize size) {
        Member maya = member("maya", "Maya Lindholm");
        Member ben = member("ben", "Ben Okafor");
        Member carl = member("carl", "Carl Jensen");
        connect(ben, maya);
        connect(carl, maya);
        long post = feed.publish(maya.id(), "First assembly of the ferry film is done.");

        Page mayaPage = openWindow(size);
        logIn(mayaPage, maya);
        // The two requests to connect she accepted: read them all first.
        mayaPage.navigate("http://localhost:" + port + "/notifications");
        for (int i = 0; i < 50 && mayaPage.locator("[data-kind=CONNECTION_REQUEST]").count() < 2; i++) {
            mayaPage.waitForTimeout(100);
            mayaPage.reload();
        }
        assertThat(mayaPage.locator("[data-kind=CONNECTION_REQUEST]")).hasCount(2);
        mayaPage.locator("[data-action=read-all]").click();
        mayaPage.waitForURL("**/notifications");
        assertThat(mayaPage.locator("#flash")).containsText("All caught up");
        mayaPage.navigate("http://localhost:" + port + "/feed");
        assertThat(mayaPage.locator("[data-unread-notifications]")).hasAttribute("data-unread-notifications", "0");

        // Ben comments through the page, Carl applauds through the page, each in his own window.
        // (Their own browser contexts: openWindow would close Maya's.)
        com.microsoft.playwright.BrowserContext benWindow = newContext(size, null);
        Page benPage = benWindow.newPage();
        logIn(benPage, ben);
        benPage.navigate("http://localhost:" + port + "/posts/" + post);
        benPage.getByLabel("Add a comment").fill("It flows. The harbour scene is the one.");
        benPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Comment").setExact(true)).click();
        // htmx swaps the comments in place.
        assertThat(benPage.locator("#comments")).containsText("The harbour scene is the one.");

        benWindow.close();
        com.microsoft.playwright.BrowserContext carlWindow = newContext(size, null);
        Page carlPage = carlWindow.newPage();
        logIn(carlPage, carl);
        carlPage.navigate("http://localhost:" + port + "/posts/" + post);
        carlPage.locator("[data-applause-for='post-" + post + "'] button").click();
        assertThat(carlPage.locator("[data-applause-for='post-" + post + "'] button")).hasAttribute("aria-pressed", "true");
        carlWindow.close();

        // Maya did nothing: the bell shows both.
        assertThat(mayaPage.locator("[data-unread-notifications]")).hasAttribute("data-unread-notifications", "2");
        if (size == PHONE) {
            // The menu is collapsed on a phone: the bell beside its button shows the count too, live.
            assertThat(mayaPage.locator("[data-bell-mirror] .badge")).isVisible();
            assertThat(mayaPage.locator("[data-bell-mirror] .badge")).hasText("2");
            assertThat(mayaPage.locator("[data-bell-mirror]")).hasAttribute("aria-label", "Notifications, 2 unread");
            // Drawn, not an emoji that shows as a missing glyph without an emoji font.
            assertThat(mayaPage.locator("[data-bell-mirror] svg.bi")).isVisible();
        } else {
            assertThat(mayaPage.locator("[data-bell-mirror]")).isHidden();
        }
        openMenuOnSmallScreens(mayaPage);
        assertThat(mayaPage.locator("[data-unread-notifications]")).isVisible();
        assertThat(mayaPage.locator("[data-nav=notifications] svg.bi")).isVisible();
        screenshot(mayaPage, "notifications-bell", size);

        mayaPage.locator("[data-nav=notifications]").click();
        mayaPage.waitForURL("**/notifications");
        assertThat(mayaPage.locator("[data-notification-id][data-read=false]")).hasCount(2);
        assertThat(mayaPage.locator("[data-notification-id][data-read=true]")).hasCount(2);
        assertThat(mayaPage.locator("[data-kind=COMMENT]")).containsText("Ben Okafor commented on your post");
        assertThat(mayaPage.locator("[data-kind=APPLAUSE_POST]")).containsText("Carl Jensen applauded your post");
        checkPage(mayaPage, "notifications", size);

        mayaPage.locator("[data-kind=COMMENT] [data-action=open]").click();
        mayaPage.waitForURL(Pattern.compile(".*/posts/" + post + "#comment-\\d+"));
        // Opening one about the post reads the others about it too.
        assertThat(mayaPage.locator("[data-unread-notifications]")).hasAttribute("data-unread-notifications", "0");
        mayaPage.navigate("http://localhost:" + port + "/notifications");
        assertThat(mayaPage.locator("[data-notification-id][data-read=true]")).hasCount(4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sizes")
    void aMemberChoosesHowOftenMailsComeAndOneClickStopsThemWithoutLogin(ViewportSize size) {
        Member maya = member("maya", "Maya Lindholm");
        Page settings = openWindow(size);
        logIn(settings, maya);
        settings.navigate("http://localhost:" + port + "/settings/notifications");
        assertThat(settings.getByLabel("Once a day")).isChecked();
        settings.getByLabel("As it happens").check();
        settings.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        settings.waitForURL("**/settings/notifications");
        assertThat(settings.locator("#flash")).containsText("as things happen");
        assertThat(settings.getByLabel("As it happens")).isChecked();
        checkPage(settings, "notification-settings", size);

        // The link from a mail, opened in a browser where nobody is logged in.
        String token = "T".repeat(33) + String.format("%010d", maya.id());
        jdbc.update("update notification_setting set unsubscribe_token = ? where member_id = ?", token, maya.id());
        com.microsoft.playwright.BrowserContext stranger = newContext(size, null);
        Page mail = stranger.newPage();
        mail.navigate("http://localhost:" + port + "/unsubscribe/" + token);
        assertThat(mail.locator("body")).containsText("m•••@example.com");
        checkPage(mail, "unsubscribe", size);
        mail.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop these e-mails")).click();
        assertThat(mail.locator("[data-unsubscribed]")).containsText("no more e-mails");
        stranger.close();
        settings.reload();
        assertThat(settings.getByLabel("Never", new Page.GetByLabelOptions().setExact(true))).isChecked();
    }
}
