package com.moviepeople.browser;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.moviepeople.media.TestPictures;
import com.moviepeople.portfolio.PortfolioItemForm;
import com.moviepeople.portfolio.PortfolioService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Pictures, at a desktop and a phone size: a member uploads a profile photo (a real photograph) on
 * her edit page and sees it in the navigation and on her profile; a web page posing as a picture is
 * refused next to the field. She adds two stills to a piece of work; on her profile the gallery
 * opens in the lightbox by keyboard alone (Enter on the first still), → shows the second, Escape
 * closes it and focus is back on the still she started from.
 */
class PicturesBrowserTests extends BrowserTest {

    @Autowired
    PortfolioService portfolio;

    static List<ViewportSize> sizes() {
        return List.of(DESKTOP, PHONE);
    }

    /** One of the demo's photographs (openly licensed, see demo/pictures/ATTRIBUTION.md). */
    private static FilePayload demoPicture(String file, String uploadName) {
        try {
            byte[] bytes = new ClassPathResource("demo/pictures/" + file).getContentAsByteArray();
            return new FilePayload(uploadName, "image/jpeg", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sizes")
    void aPhotoAndStillsUploadedThroughThePagesShowOnTheProfileAndTheLightboxWorksByKeyboard(ViewportSize size) {
        Member maya = member("maya", "Maya Okafor");
        long item = portfolio.add(maya.id(), new PortfolioItemForm("Spring — lighting breakdown",
                "How the forest light was built, shot by shot.", null, 2020, "Director of Photography")).id();
        Page p = openWindow(size);
        logIn(p, maya);

        // A web page posing as a picture: refused, the reason next to the field.
        // (Chromium logs every 4xx page as a console error, which the base class counts as a
        // failure: the server's real answer is checked here, and handed to the page as a 200.)
        p.navigate("http://localhost:" + port + "/profile/edit");
        List<Integer> statuses = new java.util.concurrent.CopyOnWriteArrayList<>();
        p.route("**/profile/photo", route -> {
            APIResponse real = route.fetch();
            statuses.add(real.status());
            route.fulfill(new Route.FulfillOptions().setResponse(real).setStatus(200));
        });
        p.locator("#photo-file").setInputFiles(new FilePayload("me.jpg", "image/jpeg", TestPictures.html()));
        p.waitForResponse("**/profile/photo", () -> p.locator("[data-form=photo] button[type=submit]").click());
        p.waitForLoadState();
        p.unrouteAll();
        org.assertj.core.api.Assertions.assertThat(statuses).containsExactly(400);
        Locator photoError = p.locator("#photo-error");
        assertThat(photoError).isVisible();
        assertThat(photoError).containsText("web page or script");
        assertThat(p.locator("#photo-file")).hasClass(Pattern.compile("\\bis-invalid\\b"));
        assertThat(p.locator("#photo-file")).hasAttribute("aria-describedby", Pattern.compile("\\bphoto-error\\b"));
        assertThat(p.locator("[data-photo-card] img[data-avatar-photo]")).hasCount(0);

        // A real photograph: it shows on the form, in the navigation and on the profile.
        p.locator("#photo-file").setInputFiles(demoPicture("photo-camera-operator.jpg", "me.jpg"));
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload photo")).click();
        p.waitForURL("**/profile/edit#photo");
        assertThat(p.locator("#flash")).containsText("Your new photo is on your profile.");
        assertThat(p.locator("#photo-error")).isEmpty(); // the holder stays (aria-describedby names it), with no message
        assertThat(p.locator("[data-photo-card] img[data-avatar-photo]"))
                .hasAttribute("src", Pattern.compile("^/media/[A-Za-z0-9_-]{22}-400\\.jpg$"));
        assertLoaded(p.locator("[data-photo-card] img[data-avatar-photo]"));
        openMenuOnSmallScreens(p);
        Locator navPhoto = p.locator("[data-nav=profile] img[data-avatar-photo]");
        assertThat(navPhoto).isVisible();
        assertThat(navPhoto).hasAttribute("src", Pattern.compile("^/media/[A-Za-z0-9_-]{22}-96\\.jpg$"));
        assertLoaded(navPhoto);
        checkPage(p, "pictures-profile-edit", size);

        // Two stills through the item's edit page.
        p.navigate("http://localhost:" + port + "/portfolio/" + item + "/edit");
        for (String file : List.of("still-forest-stream.jpg", "still-golden-hour.jpg")) {
            p.locator("#still-file").setInputFiles(demoPicture(file, file));
            p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload still")).click();
            p.waitForURL("**/portfolio/" + item + "/edit#stills");
            assertThat(p.locator("#flash")).containsText("The still is added.");
        }
        assertThat(p.locator("[data-stills-editor] [data-still-id]")).hasCount(2);
        checkPage(p, "pictures-item-edit", size);

        // The profile: the photo and the gallery.
        p.navigate("http://localhost:" + port + "/people/" + maya.username());
        Locator profilePhoto = p.locator("main img[data-avatar-photo]").first();
        assertThat(profilePhoto).hasAttribute("src", Pattern.compile("^/media/[A-Za-z0-9_-]{22}-400\\.jpg$"));
        assertLoaded(profilePhoto);
        Locator stills = p.locator("[data-gallery] [data-lightbox-item]");
        assertThat(stills).hasCount(2);
        for (int i = 0; i < 2; i++) {
            stills.nth(i).scrollIntoViewIfNeeded();
            assertLoaded(stills.nth(i).locator("img"));
        }
        checkPage(p, "pictures-profile", size);

        // The lightbox, by keyboard only.
        Locator first = stills.nth(0);
        String firstLarge = first.getAttribute("href");
        String secondLarge = stills.nth(1).getAttribute("href");
        first.focus();
        p.keyboard().press("Enter");
        Locator box = p.locator("[data-lightbox]");
        assertThat(box).isVisible();
        assertThat(box).hasAttribute("role", "dialog");
        assertThat(box).hasAttribute("aria-modal", "true");
        assertThat(p.locator("[data-lightbox-close]")).isFocused();
        Locator large = box.locator("img");
        assertThat(large).hasAttribute("src", firstLarge);
        assertThat(large).hasAttribute("alt", "Spring — lighting breakdown, still 1 of 2");
        assertLoaded(large);
        assertThat(p).hasURL(Pattern.compile(".*/people/" + maya.username() + "$"));
        p.keyboard().press("ArrowRight");
        assertThat(large).hasAttribute("src", secondLarge);
        assertThat(large).hasAttribute("alt", "Spring — lighting breakdown, still 2 of 2");
        assertLoaded(large);
        // Focus stays in the dialog while it is open.
        p.keyboard().press("Tab");
        p.keyboard().press("Tab");
        p.keyboard().press("Tab");
        assertThat(box.locator("button:focus")).hasCount(1);
        screenshot(p, "pictures-lightbox", size);
        assertAccessible(p);
        p.keyboard().press("Escape");
        assertThat(box).isHidden();
        assertThat(first).isFocused();

        // Clicking the picture itself leaves the keys working (focus is not dropped to the page).
        first.click();
        assertThat(box).isVisible();
        large.click();
        p.keyboard().press("ArrowRight");
        assertThat(large).hasAttribute("src", secondLarge);
        p.keyboard().press("Shift+Tab");
        assertThat(p.locator("[data-lightbox-next]")).isFocused();
        p.keyboard().press("Escape");
        assertThat(box).isHidden();
        assertThat(first).isFocused();
    }

    /** The picture was fetched and decoded (a broken /media address would leave it 0 wide). */
    private static void assertLoaded(Locator image) {
        int width = -1;
        for (int i = 0; i < 100 && width <= 0; i++) {
            if (i > 0) {
                image.page().waitForTimeout(50);
            }
            width = ((Number) image.evaluate("img => img.complete ? img.naturalWidth : -1")).intValue();
        }
        org.assertj.core.api.Assertions.assertThat(width).as("natural width of " + image).isGreaterThan(0);
    }
}
