package com.moviepeople.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.moviepeople.feed.Feed;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journeys 1–4 of issue 8, each at a desktop and a phone size, clicked as a member would: after
 * the first page of each window every step is a click, a typed field or a key. Members and
 * connections that a journey merely needs are set up through the modules' APIs. Every main page
 * visited gets {@link #checkPage}: title, no horizontal scrolling, axe-core, a screenshot.
 */
class JourneyBrowserTests extends BrowserTest {

    private static final String YOUTUBE = "https://www.youtube.com/watch?v=aqz-KE-bpKQ";
    private static final String NOTE = "We met on the set of Night Shift.\nMy reel: https://example.com/reel";
    private static final LocatorAssertions.HasTextOptions LIVE = new LocatorAssertions.HasTextOptions().setTimeout(12_000);

    @Autowired
    Feed feed;

    static List<ViewportSize> sizes() {
        return List.of(DESKTOP, PHONE);
    }

    /** Journey 1: a visitor signs up, completes the profile with a role from the list and adds a playable showreel. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sizes")
    void visitorSignsUpCompletesTheProfileAndShowsAShowreel(ViewportSize size) {
        Page p = openWindow(size);
        p.navigate("/");
        checkPage(p, "landing", size);
        assertThat(p.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open an example profile")))
                .hasAttribute("href", "/people/agnieszka");

        clickNav(p, "Join MoviePeople");
        checkPage(p, "signup", size);
        String username = uniqueName("visitor");
        p.getByLabel("Your name").fill("Zofia Nowak");
        p.getByLabel("Username").fill(username);
        p.getByLabel("E-mail address").fill(username + "@example.com");
        p.getByLabel("Password").fill(PASSWORD);
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create my account")).click();
        p.waitForURL("**/profile/edit");
        checkPage(p, "profile-edit", size);

        // The role comes from the curated list offered by the field's datalist.
        Locator role = p.getByLabel("Primary role");
        String listId = role.getAttribute("list");
        Locator choice = p.locator("datalist#" + listId + " option[value='Film Editor']");
        assertThat(choice).hasCount(1);
        p.getByLabel("Headline").fill("Editor of documentaries and character-driven features");
        role.fill(choice.getAttribute("value"));
        p.getByLabel("Location").fill("Łódź, Poland");
        p.getByLabel("About you").fill("Cut two features and a dozen shorts.\nLooking for a documentary in 2027.");
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save profile")).click();
        p.waitForURL("**/people/" + username);
        assertThat(p.locator("[data-field=role]")).hasText("Film Editor");
        assertThat(p.locator("[data-field=location]")).hasText("Łódź, Poland");
        assertThat(p.locator("[data-empty-portfolio=own]")).isVisible();

        p.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add your first piece of work")).click();
        p.waitForURL("**/portfolio/new");
        checkPage(p, "portfolio-form", size);
        p.getByLabel("Title").fill("Big Buck Bunny — festival cut");
        p.getByLabel("Year").fill("2024");
        p.getByLabel("Your role on it").fill("Editor");
        p.getByLabel("Media link").fill(YOUTUBE);
        p.getByLabel("Description").fill("A ten-minute recut for a festival programme.");
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to portfolio")).click();
        p.waitForURL("**/people/" + username);

        // The player is built from the parsed video id on the privacy-friendly host (offline here: check the src only).
        Locator item = p.locator("[data-portfolio-item]");
        assertThat(item).hasCount(1);
        assertThat(item.locator("[data-field=title]")).hasText("Big Buck Bunny — festival cut");
        assertThat(item.locator("iframe")).hasAttribute("src",
                Pattern.compile("^https://www\\.youtube-nocookie\\.com/embed/aqz-KE-bpKQ(\\?.*)?$"));
        assertThat(item.locator("iframe")).hasAttribute("title", Pattern.compile("Big Buck Bunny — festival cut"));
        checkPage(p, "profile", size);

        clickNav(p, "Settings");
        p.waitForURL("**/settings/password");
        checkPage(p, "settings", size);
    }

    /** Journey 2: a member finds another through the navigation's search box and connects; the other accepts. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sizes")
    void memberFindsAnotherThroughSearchAndTheyConnect(ViewportSize size) {
        String surname = "Quarrington";
        Member ines = member("ines", "Ines " + surname);
        Member ben = member("ben", "Ben Okafor");

        Page benPage = openWindow(size);
        logIn(benPage, ben);
        searchFromNavigation(benPage, surname);
        benPage.waitForURL(Pattern.compile(".*/search\\?q=" + surname + "$"));
        checkPage(benPage, "search", size);
        Locator result = benPage.locator("[data-search-result][data-member='" + ines.username() + "']");
        assertThat(result.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Ines " + surname)))
                .hasAttribute("href", "/people/" + ines.username());
        assertThat(result.locator("[data-connection-state]")).hasAttribute("data-connection-state", "NONE");

        if (size == DESKTOP) {
            // From the results: the request goes out in place, the results stay.
            String resultsUrl = benPage.url();
            result.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Connect")).click();
            assertThat(result.locator("[data-connection-state]")).hasAttribute("data-connection-state", "REQUEST_SENT");
            assertThat(benPage.locator("#flash")).containsText("Connection request sent to Ines " + surname);
            assertThat(benPage).hasURL(resultsUrl);
            assertThat(result.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel request"))).isFocused();
        } else {
            // From the profile, with a note (issue 23).
            result.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Ines " + surname)).click();
            benPage.waitForURL("**/people/" + ines.username());
            Locator profileConnection = benPage.locator("[data-profile-connection]");
            profileConnection.locator("[data-request-note-form] summary").click();
            profileConnection.getByLabel("A note to go with your request").fill(NOTE);
            profileConnection.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Connect")).click();
            assertThat(benPage.locator("[data-profile-connection] [data-connection-state]"))
                    .hasAttribute("data-connection-state", "REQUEST_SENT");
            assertThat(benPage.locator("#flash")).containsText("Connection request sent to Ines " + surname);
        }

        var inesContext = newContext(size, null); // the other member, in another browser
        Page inesPage = inesContext.newPage();
        logIn(inesPage, ines);
        assertThat(inesPage.locator("[data-pending-requests]")).hasAttribute("data-pending-requests", "1");
        if (size == PHONE) {
            inesPage.locator(".navbar-toggler").click();
            assertThat(inesPage.locator("[data-pending-requests]")).isVisible();
            inesPage.locator(".navbar-toggler").click();
        } else {
            assertThat(inesPage.locator("[data-pending-requests]")).isVisible();
        }
        clickNav(inesPage, "Connections");
        inesPage.waitForURL("**/connections");
        assertThat(inesPage.locator("[data-connections-empty]")).isVisible();
        inesPage.locator("main").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Pending requests")).click();
        inesPage.waitForURL("**/connections/pending");
        checkPage(inesPage, "pending", size);
        Locator request = inesPage.locator("[data-received] [data-request][data-member='" + ben.username() + "']");
        if (size == PHONE) {
            // The note as written, its link plain text.
            assertThat(request.locator("[data-request-note]")).hasText(NOTE);
            assertThat(request.locator("[data-request-note] a")).hasCount(0);
        } else {
            assertThat(request.locator("[data-request-note]")).hasCount(0);
        }
        request.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Accept")).click();
        assertThat(request.locator("[data-connection-state]")).hasAttribute("data-connection-state", "CONNECTED");
        assertThat(inesPage.locator("[data-pending-requests]")).hasAttribute("data-pending-requests", "0");
        assertThat(inesPage.locator("[data-pending-requests]")).isHidden();
        assertThat(inesPage.locator("#flash")).containsText("You are now connected with Ben Okafor");

        clickNav(inesPage, "Connections");
        inesPage.waitForURL("**/connections");
        Locator connection = inesPage.locator("[data-connection][data-member='" + ben.username() + "']");
        assertThat(connection.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Message")))
                .hasAttribute("href", "/messages/" + ben.username());
        checkPage(inesPage, "connections", size);

        // And Ben sees it too.
        clickNav(benPage, "Connections");
        assertThat(benPage.locator("[data-connection][data-member='" + ines.username() + "']")).isVisible();
        inesContext.close();
    }

    /** Journey 3: connections exchange messages, the reply arrives without a reload, unread badges go up and down. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sizes")
    void connectionsExchangeMessagesAndTheBadgesFollow(ViewportSize size) {
        Member anna = member("anna", "Anna Lindqvist");
        Member ben = member("ben", "Ben Okafor");
        connect(anna, ben);

        Page annaPage = openWindow(size);
        logIn(annaPage, anna);
        assertThat(annaPage.locator("[data-unread-messages]")).hasAttribute("data-unread-messages", "0");

        var benContext = newContext(size, null);
        Page benPage = benContext.newPage();
        logIn(benPage, ben);
        clickNav(benPage, "Connections");
        benPage.locator("[data-connection][data-member='" + anna.username() + "']")
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Message")).click();
        benPage.waitForURL("**/messages/" + anna.username());
        String benUrl = benPage.url();
        benPage.getByLabel("Message to Anna Lindqvist").fill("Hi Anna! Are you free for the edit in March?");
        benPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        assertThat(benPage.locator("#message-list [data-message-body]")).hasText("Hi Anna! Are you free for the edit in March?");

        // Anna's badge goes up on her next page…
        clickNav(annaPage, "Feed");
        assertThat(annaPage.locator("[data-unread-messages]")).hasAttribute("data-unread-messages", "1");
        clickNav(annaPage, "Messages");
        annaPage.waitForURL("**/messages");
        checkPage(annaPage, "inbox", size);
        Locator row = annaPage.locator("[data-conversation][data-member='" + ben.username() + "']");
        assertThat(row).hasAttribute("data-unread", "1");
        assertThat(row.locator("[data-last-message]")).containsText("Are you free for the edit in March?");

        // …and down once she reads the conversation.
        row.getByRole(AriaRole.LINK).click();
        annaPage.waitForURL("**/messages/" + ben.username());
        assertThat(annaPage.locator("[data-unread-messages]")).hasAttribute("data-unread-messages", "0");
        assertThat(annaPage.locator("#message-list [data-message-body]")).hasText("Hi Anna! Are you free for the edit in March?");
        annaPage.getByLabel("Message to Ben Okafor").fill("Yes — send me the rushes.");
        annaPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
        assertThat(annaPage.locator("#message-list [data-message-id]")).hasCount(2);
        checkPage(annaPage, "conversation", size);

        // Ben's open conversation shows the reply without a reload.
        assertThat(benPage.locator("#message-list [data-message-body]").nth(1)).hasText("Yes — send me the rushes.", LIVE);
        assertThat(benPage).hasURL(benUrl);
        clickNav(benPage, "Messages");
        assertThat(benPage.locator("[data-conversation][data-member='" + anna.username() + "']")).hasAttribute("data-unread", "0");
        assertThat(benPage.locator("[data-unread-messages]")).hasAttribute("data-unread-messages", "0");
        benContext.close();
    }

    /** Journey 4: a post, a portfolio post and a comment show in the connection's feed; "load more" loads older posts. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sizes")
    void postsPortfolioWorkAndCommentsReachTheConnectionsFeed(ViewportSize size) {
        Member bea = member("bea", "Bea Santos");
        Member adam = member("adam", "Adam Reyes");
        connect(bea, adam);
        // Volume only: older posts, so that the feed has more than one page.
        for (int i = 1; i <= 21; i++) {
            feed.publish(bea.id(), "Call sheet note " + i);
        }

        Page beaPage = openWindow(size);
        logIn(beaPage, bea);
        String text = "Wrapped day 12 of the night shoot. Looking for a colourist in Lisbon.";
        beaPage.getByLabel("Share an update with your network").fill(text);
        beaPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Post")).click();
        assertThat(beaPage.locator("#feed-posts article[data-post-id]").first().locator("[data-post-body]")).hasText(text);
        assertThat(beaPage.locator("#flash")).containsText("Your post is in the feed.");
        assertThat(beaPage.getByLabel("Share an update with your network")).hasValue("");
        assertThat(beaPage).hasURL(Pattern.compile(".*/feed$"));

        clickNav(beaPage, "My profile");
        beaPage.waitForURL("**/people/" + bea.username());
        beaPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add your first piece of work")).click();
        beaPage.getByLabel("Title").fill("Night Shoot — teaser");
        beaPage.getByLabel("Media link").fill(YOUTUBE);
        beaPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to portfolio")).click();
        beaPage.waitForURL("**/people/" + bea.username());

        var adamContext = newContext(size, null);
        Page adamPage = adamContext.newPage();
        logIn(adamPage, adam);
        Locator posts = adamPage.locator("#feed-posts article[data-post-id]");
        assertThat(posts.first()).hasAttribute("data-post-kind", "PORTFOLIO");
        assertThat(posts.first().locator("[data-item-link]")).hasText("Night Shoot — teaser");
        assertThat(posts.first().locator("iframe")).hasAttribute("src", Pattern.compile("youtube-nocookie\\.com/embed/aqz-KE-bpKQ"));
        Locator textPost = posts.nth(1);
        assertThat(textPost.locator("[data-post-body]")).hasText(text);
        assertThat(textPost.locator("[data-post-author]")).hasText("Bea Santos");
        checkPage(adamPage, "feed", size);

        // "Load more" appends the older page in place; the last page has no further link.
        assertThat(posts).hasCount(20);
        adamPage.locator("[data-feed-more]").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Load more")).click();
        assertThat(posts).hasCount(23);
        assertThat(posts.last().locator("[data-post-body]")).hasText("Call sheet note 1");
        assertThat(adamPage.locator("[data-feed-more]")).hasCount(0);
        assertThat(adamPage).hasURL(Pattern.compile(".*/feed$"));

        // A comment, posted in place on the post page, then seen in the feed by both.
        textPost.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Comment").setExact(true)).click();
        adamPage.waitForURL(Pattern.compile(".*/posts/\\d+$"));
        String postUrl = adamPage.url();
        checkPage(adamPage, "post", size);
        adamPage.getByLabel("Add a comment").fill("I know a great colourist there — messaging you.");
        adamPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Comment")).click();
        assertThat(adamPage.locator("#comment-list [data-comment-body]")).hasText("I know a great colourist there — messaging you.");
        assertThat(adamPage.locator("[data-comment-count]")).hasAttribute("data-comment-count", "1");
        assertThat(adamPage.getByLabel("Add a comment")).hasValue("");
        assertThat(adamPage).hasURL(postUrl);

        adamPage.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to your feed")).click();
        adamPage.waitForURL("**/feed");
        assertThat(adamPage.locator("#feed-posts article[data-post-id]").nth(1).locator("[data-comment-id]"))
                .containsText("I know a great colourist there");
        clickNav(beaPage, "Feed");
        beaPage.waitForURL("**/feed");
        assertThat(beaPage.locator("#feed-posts article[data-post-id]").nth(1).locator("[data-comment-id]"))
                .containsText("Adam Reyes");
        adamContext.close();
    }

    /** Types into the navigation's search box (opening the menu on a phone) and submits with Enter. */
    private static void searchFromNavigation(Page p, String query) {
        openMenuOnSmallScreens(p);
        p.locator("#nav-search").fill(query);
        p.locator("#nav-search").press("Enter");
    }
}
