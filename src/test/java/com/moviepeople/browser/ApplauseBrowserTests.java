package com.moviepeople.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.moviepeople.feed.Feed;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Applause in the feed and on a post's page, at a desktop and a phone size: the button swaps in
 * place (htmx), with the count and the pressed state, and a second press takes it back.
 */
class ApplauseBrowserTests extends BrowserTest {

    @Autowired
    Feed feed;

    static List<ViewportSize> sizes() {
        return List.of(DESKTOP, PHONE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sizes")
    void aConnectionApplaudsAPostAndACommentInPlace(ViewportSize size) {
        Member maya = member("maya", "Maya Lindholm");
        Member ben = member("ben", "Ben Okafor");
        connect(maya, ben);
        long post = feed.publish(maya.id(), "Picture wrap on the ferry tonight — thank you all!");
        long comment = feed.comment(maya.id(), post, "Dailies tomorrow at nine.");

        Page p = openWindow(size);
        logIn(p, ben);
        p.navigate("http://localhost:" + port + "/feed");
        Locator button = p.locator("[data-applause-for='post-" + post + "'] button");
        assertThat(button).hasAttribute("data-applause", "0");
        assertThat(button).hasAttribute("aria-pressed", "false");
        button.click();
        // Swapped in place: still the feed, the count and the state changed.
        assertThat(p.locator("[data-applause-for='post-" + post + "'] button")).hasAttribute("data-applause", "1");
        assertThat(p.locator("[data-applause-for='post-" + post + "'] button")).hasAttribute("aria-pressed", "true");
        assertThat(p).hasURL(java.util.regex.Pattern.compile(".*/feed$"));
        checkPage(p, "applause-feed", size);

        p.locator("[data-applause-for='post-" + post + "'] button").click();
        assertThat(p.locator("[data-applause-for='post-" + post + "'] button")).hasAttribute("data-applause", "0");

        // A comment on the post's page.
        p.navigate("http://localhost:" + port + "/posts/" + post);
        p.locator("[data-applause-for='comment-" + comment + "'] button").click();
        assertThat(p.locator("[data-applause-for='comment-" + comment + "'] button")).hasAttribute("data-applause", "1");
        assertThat(p.locator("[data-applause-for='comment-" + comment + "'] button")).hasAttribute("aria-pressed", "true");
        checkPage(p, "applause-post", size);
    }
}
