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

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The availability journey of issue 19 at a desktop and a phone size, clicked and typed as members
 * would: a gaffer marks next March available on her availability page (after one wrong try), a
 * connected colleague finds her by role, city and the March period, and with half of March and
 * "partly" also finds a second gaffer free only some of those days; he opens her profile and sees
 * the eight-week strip, never her note. A stranger searching the same period does not find her
 * (the default visibility is "connections"). Members, profiles and connections are set up through
 * the modules' APIs; ranges and searches only through the pages. Main pages get {@link #checkPage}.
 */
class AvailabilityBrowserTests extends BrowserTest {

    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    @Autowired
    ProfileService profiles;

    static List<ViewportSize> sizes() {
        return List.of(DESKTOP, PHONE);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sizes")
    void aGafferMarksMarchAvailableAndAConnectionFindsHerWithThePeriodFilter(ViewportSize size) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate first = marchAhead(today);
        LocalDate last = first.withDayOfMonth(31);
        LocalDate midMonth = first.withDayOfMonth(15);
        String city = cityFor(size);
        String note = "Pencilled for the Nordlys shoot, call Ola " + size.name();

        Member marta = member("marta", "Marta Ekdahl");
        profile(marta, "Gaffer", "Lighting for features and night exteriors", city);
        Member tomasz = member("tomasz", "Tomasz Wierzba");
        profile(tomasz, "Gaffer", "Best boy turned gaffer", city);
        Member jonas = member("jonas", "Jonas Berg");
        profile(jonas, "Line Producer", "Crewing a winter feature", "Oslo, Norway");
        connect(jonas, marta);
        connect(jonas, tomasz);
        Member dana = member("dana", "Dana Okoro");
        profile(dana, "Line Producer", "Not connected to anyone here", "Lagos, Nigeria");

        // 1. Marta: Availability from the navigation, one wrong try, then all of March, available, with a private note.
        Page martaPage = openWindow(size);
        logIn(martaPage, marta);
        clickNav(martaPage, "Availability");
        martaPage.waitForURL(Pattern.compile(".*/availability$"));
        assertThat(martaPage.locator("h1")).hasText("My availability");
        assertThat(martaPage.locator("[data-availability-empty]")).isVisible();
        assertThat(martaPage.locator("[data-availability-ranges] li[data-range-id]")).hasCount(0);
        Locator visibility = martaPage.locator("form[data-form=availability-visibility]");
        assertThat(visibility.getByLabel("My connections")).isChecked();
        assertThat(visibility.getByLabel("Every logged-in member")).not().isChecked();

        Locator add = martaPage.locator("form[data-form=add-range]");
        fillRange(add, last, first, "Available", note); // the last day before the first
        add.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add")).click();
        assertThat(add.getByLabel("Last day")).hasClass(Pattern.compile("(^|\\s)is-invalid(\\s|$)"));
        // The message right under the field, tied to it, and the typed values kept.
        Locator endError = add.locator("#endDate + .invalid-feedback");
        assertThat(endError).isVisible();
        assertThat(endError).hasText("The last day is before the first.");
        assertThat(add.getByLabel("Last day")).hasAttribute("aria-describedby", endError.getAttribute("id"));
        assertThat(add.getByLabel("First day")).not().hasClass(Pattern.compile("(^|\\s)is-invalid(\\s|$)"));
        assertThat(add.locator("#startDate + .invalid-feedback")).isHidden();
        assertThat(add.getByLabel("First day")).hasValue(last.toString());
        assertThat(add.getByLabel("Last day")).hasValue(first.toString());
        assertThat(add.getByLabel("These days I am")).hasValue("available");
        assertThat(add.getByLabel("Private note")).hasValue(note);
        assertThat(martaPage.locator("[data-availability-ranges] li[data-range-id]")).hasCount(0);
        checkPage(martaPage, "availability-page-error", size);

        fillRange(add, first, last, "Available", note);
        add.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add")).click();
        martaPage.waitForURL(Pattern.compile(".*/availability$"));
        String dates = "1–" + FULL.format(last);
        assertThat(martaPage.locator("#flash")).hasText("Saved: " + dates + ", available.");
        Locator range = martaPage.locator("[data-availability-ranges] li[data-range-id]");
        assertThat(range).hasCount(1);
        assertThat(range).hasAttribute("data-status", "available");
        assertThat(range.locator("[data-range-status]")).hasText("Available");
        assertThat(range.locator("[data-range-dates]")).hasText(dates);
        assertThat(range).containsText("(31 days)");
        assertThat(range.locator("[data-range-note]")).hasText(note);
        assertThat(range.getByText("Private note:")).isVisible();
        assertThat(range.locator("a[data-action=edit-range]")).isVisible();
        assertThat(range.locator("button[data-action=delete-range]")).isVisible();
        assertThat(martaPage.locator("[data-availability-empty]")).hasCount(0);
        // Her own strip (answers only) sits next to the ranges.
        assertThat(martaPage.locator("[data-availability-strip] li[data-week]")).hasCount(8);
        // The new form is empty again.
        assertThat(add.getByLabel("First day")).hasValue("");
        assertThat(add.getByLabel("Private note")).hasValue("");
        checkPage(martaPage, "availability-page", size);

        // Tomasz, in his own browser, is free only from the 10th to the 20th.
        BrowserContext tomaszContext = newContext(size, null);
        Page tomaszPage = tomaszContext.newPage();
        logIn(tomaszPage, tomasz);
        clickNav(tomaszPage, "Availability");
        tomaszPage.waitForURL(Pattern.compile(".*/availability$"));
        Locator tomaszAdd = tomaszPage.locator("form[data-form=add-range]");
        fillRange(tomaszAdd, first.withDayOfMonth(10), first.withDayOfMonth(20), "Available", "");
        tomaszAdd.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add")).click();
        assertThat(tomaszPage.locator("#flash")).hasText("Saved: 10–" + FULL.format(first.withDayOfMonth(20)) + ", available.");
        assertThat(tomaszPage.locator("[data-availability-ranges] li[data-range-id][data-status=available]")).hasCount(1);
        assertThat(tomaszPage.locator("[data-availability-ranges] [data-range-note]")).hasCount(0);
        tomaszContext.close();

        // 2. Jonas, connected to both, searches gaffers in that city free all of March.
        BrowserContext jonasContext = newContext(size, null);
        Page jonasPage = jonasContext.newPage();
        logIn(jonasPage, jonas);
        jonasPage.navigate("/search");
        assertThat(jonasPage.locator("[data-search-invite]")).isVisible();
        Locator form = jonasPage.locator("form[data-search-form]");

        // A wrong period first: the message under the field, the dates kept.
        searchByPeriod(jonasPage, "Gaffer", city, last, first, false);
        jonasPage.waitForURL(Pattern.compile(".*/search\\?.*availableFrom=" + last + "&availableTo=" + first + "$"));
        assertThat(jonasPage.locator("[data-search-period-error]")).containsText("The last day is before the first.");
        assertThat(form.getByLabel("to", new Locator.GetByLabelOptions().setExact(true)))
                .hasClass(Pattern.compile("(^|\\s)is-invalid(\\s|$)"));
        assertThat(jonasPage.locator("#search-available-to + .invalid-feedback")).isVisible();
        assertThat(jonasPage.locator("#search-available-to + .invalid-feedback")).hasText("The last day is before the first.");
        assertThat(form.getByLabel("Available from")).hasValue(last.toString());
        assertThat(form.getByLabel("to", new Locator.GetByLabelOptions().setExact(true))).hasValue(first.toString());
        assertThat(jonasPage.locator("[data-search-result]")).hasCount(0);

        searchByPeriod(jonasPage, "Gaffer", city, first, last, false);
        jonasPage.waitForURL(Pattern.compile(".*/search\\?.*availableFrom=" + first + "&availableTo=" + last + "$"));
        assertThat(jonasPage.locator("[data-search-period-error]")).hasCount(0);
        // (No Pattern.quote in these patterns: Playwright hands them to JavaScript, which has no \Q…\E.)
        assertThat(jonasPage.locator("[data-search-echo-period]")).hasText(Pattern.compile(
                "free every day\\s+from\\s+" + FULL.format(first) + "\\s+to\\s+" + FULL.format(last)));
        Locator results = jonasPage.locator("[data-search-result]");
        Locator martaResult = jonasPage.locator("[data-search-result][data-member='" + marta.username() + "']");
        assertThat(results).hasCount(1); // Tomasz is free only some of March
        assertThat(martaResult).hasAttribute("data-availability", "available");
        assertThat(martaResult).containsText("Available for these dates");
        assertThat(martaResult.locator("[data-role]")).hasText("Gaffer");
        assertThat(martaResult.locator("[data-location]")).hasText(city);
        assertThat(jonasPage.locator("body")).not().containsText(note);
        assertThat(jonasPage.locator("a[data-suggest=partly]")).isVisible();

        // Half of March, also people free on only some of those days: Tomasz too, as "partly".
        searchByPeriod(jonasPage, "Gaffer", city, first, midMonth, true);
        jonasPage.waitForURL(Pattern.compile(".*/search\\?.*availableTo=" + midMonth + "&partly=true$"));
        assertThat(jonasPage.locator("[data-search-echo-period]")).hasText(Pattern.compile(
                "free on some or all days\\s+from\\s+" + FULL.format(first)
                        + "\\s+to\\s+" + FULL.format(midMonth)));
        assertThat(form.getByLabel("Also people free on only some of those days")).isChecked();
        assertThat(results).hasCount(2);
        assertThat(martaResult).hasAttribute("data-availability", "available");
        Locator tomaszResult = jonasPage.locator("[data-search-result][data-member='" + tomasz.username() + "']");
        assertThat(tomaszResult).hasAttribute("data-availability", "partly");
        assertThat(tomaszResult).containsText("Available on some of these dates");
        assertThat(tomaszResult).not().containsText("Available for these dates");
        assertThat(jonasPage.locator("a[data-suggest=partly]")).hasCount(0);
        assertThat(jonasPage.locator("body")).not().containsText(note);
        checkPage(jonasPage, "availability-search", size);

        // Without "partly", half of March: only Marta again.
        form.getByLabel("Also people free on only some of those days").uncheck();
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Search")).click();
        jonasPage.waitForURL(Pattern.compile(".*/search\\?.*availableTo=" + midMonth + "$"));
        assertThat(results).hasCount(1);
        assertThat(martaResult).hasAttribute("data-availability", "available");
        assertThat(tomaszResult).hasCount(0);

        // 3. Marta's profile: the eight weeks from today as answers, never the note.
        martaResult.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Marta Ekdahl")).click();
        jonasPage.waitForURL("**/people/" + marta.username());
        Locator strip = jonasPage.locator("[data-availability-strip]");
        assertThat(strip).isVisible();
        assertThat(strip.locator("h2")).hasText("Availability");
        assertThat(strip.locator("[data-action=manage-availability]")).hasCount(0);
        Locator weeks = strip.locator("li[data-week][data-availability]");
        assertThat(weeks).hasCount(8);
        List<Week> expected = expectedStrip(today, first, last);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(weeks.nth(i)).hasAttribute("data-week", expected.get(i).first().toString());
            assertThat(weeks.nth(i)).hasAttribute("data-availability", expected.get(i).answer());
        }
        assertThat(jonasPage.locator("body")).not().containsText(note);
        assertThat(jonasPage.locator("body")).not().containsText("Private note");
        checkPage(jonasPage, "availability-profile", size);
        jonasContext.close();

        // 4. Dana, not connected, finds Marta by role and city, but not with the March period.
        BrowserContext danaContext = newContext(size, null);
        Page danaPage = danaContext.newPage();
        logIn(danaPage, dana);
        danaPage.navigate("/search");
        searchByPeriod(danaPage, "Gaffer", city, first, last, true);
        danaPage.waitForURL(Pattern.compile(".*/search\\?.*availableTo=" + last + "&partly=true$"));
        assertThat(danaPage.locator("[data-search-empty]")).containsText("No one matches this search.");
        assertThat(danaPage.locator("[data-search-result]")).hasCount(0);
        assertThat(danaPage.locator("[data-search-result][data-member='" + marta.username() + "']")).hasCount(0);
        danaPage.locator("[data-search-empty]").getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName("Search without the dates")).click();
        danaPage.waitForURL(Pattern.compile(".*/search\\?(?!.*availableFrom).*role=Gaffer.*"));
        Locator danaSeesMarta = danaPage.locator("[data-search-result][data-member='" + marta.username() + "']");
        assertThat(danaSeesMarta).isVisible();
        assertThat(danaPage.locator("[data-search-result][data-member='" + tomasz.username() + "']")).isVisible();
        assertThat(danaSeesMarta.getByText(Pattern.compile("Available (for|on some of) these dates"))).hasCount(0);
        assertThat(danaSeesMarta.getAttribute("data-availability")).isNull();
        danaSeesMarta.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Marta Ekdahl")).click();
        danaPage.waitForURL("**/people/" + marta.username());
        assertThat(danaPage.locator("h1[data-field=displayName]")).hasText("Marta Ekdahl");
        assertThat(danaPage.locator("[data-availability-strip]")).hasCount(0);
        assertThat(danaPage.locator("body")).not().containsText(note);
        danaContext.close();
    }

    /** One city per size, where no other test has gaffers: a search by role and city finds only this journey's. */
    private static String cityFor(ViewportSize size) {
        return size == DESKTOP ? "Vardø, Norway" : "Hammerfest, Norway";
    }

    /** The first March at least a month ahead of today (UTC, as the app counts days). */
    static LocalDate marchAhead(LocalDate today) {
        LocalDate march = LocalDate.of(today.getYear(), 3, 1);
        return march.isBefore(today.plusMonths(1)) ? march.plusYears(1) : march;
    }

    private record Week(LocalDate first, String answer) {
    }

    /** The strip for one available range first..last: this week from today, then Monday to Sunday. */
    private static List<Week> expectedStrip(LocalDate today, LocalDate first, LocalDate last) {
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return java.util.stream.IntStream.range(0, 8).mapToObj(i -> {
            LocalDate start = monday.plusWeeks(i).isBefore(today) ? today : monday.plusWeeks(i);
            LocalDate end = monday.plusWeeks(i).plusDays(6);
            String answer = !start.isBefore(first) && !end.isAfter(last) ? "available"
                    : start.isAfter(last) || end.isBefore(first) ? "unavailable" : "partly";
            return new Week(start, answer);
        }).toList();
    }

    /** Types a range into the add form as a member would (dates as the date field takes them). */
    private static void fillRange(Locator form, LocalDate first, LocalDate last, String status, String note) {
        form.getByLabel("First day").fill(first.toString());
        form.getByLabel("Last day").fill(last.toString());
        form.getByLabel("These days I am").selectOption(new SelectOption().setLabel(status));
        form.getByLabel("Private note").fill(note);
    }

    /** Fills the search form's role, location and period (and "partly") and submits it. */
    private static void searchByPeriod(Page p, String role, String location, LocalDate from, LocalDate to, boolean partly) {
        Locator form = p.locator("form[data-search-form]");
        form.getByLabel("Role").fill(role);
        form.getByLabel("Location").fill(location);
        form.getByLabel("Available from").fill(from.toString());
        form.getByLabel("to", new Locator.GetByLabelOptions().setExact(true)).fill(to.toString());
        form.getByLabel("Also people free on only some of those days").setChecked(partly);
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Search")).click();
    }

    /** Fills a profile through the profiles API (set-up: the profile form has its own journey). */
    private void profile(Member m, String role, String headline, String location) {
        profiles.save(m.id(), new ProfileForm(m.displayName(), headline, role, location, "", ""));
    }
}
