package com.moviepeople.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.ReducedMotion;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.moviepeople.accounts.AccountService;
import com.moviepeople.connections.Connections;
import org.springframework.beans.factory.annotation.Autowired;
import com.moviepeople.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Real-browser tests: the app on a random port with its own PostgreSQL, driven by the system
 * Chromium through Playwright. Without Chromium they are skipped with a loud warning — except
 * when {@code CI=true}, where a missing browser fails the build.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"moviepeople.demo-data=false",
        // Every journey comes from 127.0.0.1; RateLimitIntegrationTests checks the real limits.
        "moviepeople.rate-limits.signup-per-address=100000/1h",
        "moviepeople.rate-limits.login-failures-per-address=100000/1h",
        "moviepeople.rate-limits.connection-requests-unverified=100000/1d",
        "moviepeople.rate-limits.messages-unverified=100000/1d"})
public abstract class BrowserTest {

    public static final String PASSWORD = "a sensible passphrase";
    private static final List<String> CHROMIUM_CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    protected static final ViewportSize DESKTOP = new ViewportSize("desktop", 1280, 800);
    protected static final ViewportSize PHONE = new ViewportSize("phone", 390, 844);

    public record ViewportSize(String name, int width, int height) {
    }

    /** Pages already checked with axe-core in this JVM, by name and size: each main page once per size. */
    private static final java.util.Set<String> CHECKED_PAGES = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** axe-core impacts that fail a test. */
    private static final java.util.Set<String> FAILING_IMPACTS = java.util.Set.of("serious", "critical");

    /** What an embedded player shows in these tests (the machine is offline). */
    private static final String PLAYER_STAND_IN = "<!DOCTYPE html><title>Player</title><body style=\"margin:0;height:100vh;"
            + "display:flex;align-items:center;justify-content:center;background:#111;color:#ddd;font:16px sans-serif\">"
            + "<span>Video player (offline in tests)</span></body>";

    private static Playwright playwright;
    private static Browser browser;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        // Pictures go to the build folder, not to the working copy's ./data.
        registry.add("moviepeople.storage.local-dir", () -> "target/test-media");
    }

    @LocalServerPort
    protected int port;

    protected BrowserContext context;
    protected Page page;

    @Autowired
    protected AccountService accounts;

    @Autowired
    protected Connections connections;

    /** Content-Security-Policy violations, script errors and console errors seen by any page of the test. */
    private final List<String> pageErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void launchBrowser() {
        Path chromium = CHROMIUM_CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
        if (chromium == null) {
            String message = "Chromium not found at " + CHROMIUM_CANDIDATES + ": browser tests need it (apt-get install -y chromium).";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " CI=true, so this is a failure, not a skip.");
            }
            System.err.println("\n*** WARNING: SKIPPING BROWSER TESTS *** " + message + "\n");
            Assumptions.abort(message);
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                        // Headless Chromium without a GPU can lose clicks on a page that embeds a
                        // cross-origin player in a separate process; one process per page avoids it.
                        "--disable-site-isolation-trials", "--disable-features=IsolateOrigins,site-per-process")));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    @BeforeEach
    void openPage() {
        context = newContext(DESKTOP, null);
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
        }
        assertThat(pageErrors).as("CSP violations or script errors in the browser").isEmpty();
    }

    protected BrowserContext newContext(ViewportSize size, Path storageState) {
        Browser.NewContextOptions options = new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setViewportSize(size.width(), size.height())
                .setIsMobile(size == PHONE)
                .setHasTouch(size == PHONE)
                // Bootstrap scrolls smoothly unless reduced motion is asked for; a click right after
                // Playwright's scroll-into-view could then land wherever the page has scrolled to.
                .setReducedMotion(ReducedMotion.REDUCE);
        if (storageState != null) {
            options.setStorageStatePath(storageState);
        }
        BrowserContext created = browser.newContext(options);
        created.setDefaultTimeout(10_000);
        String origin = "http://localhost:" + port;
        // The machine is offline: an embedded player's request would hang on DNS, and Chromium may
        // hold input events while a cross-origin frame is still loading. Answer it with a stand-in.
        created.route(url -> !url.startsWith(origin) && !url.startsWith("data:"), route -> route.fulfill(new Route.FulfillOptions()
                .setStatus(200).setContentType("text/html").setBody(PLAYER_STAND_IN)));
        created.onPage(p -> {
            if (Boolean.getBoolean("browser.debug")) {
                p.onRequest(r -> System.out.println("REQ " + r.method() + " " + r.url()));
                p.onResponse(r -> System.out.println("RESP " + r.status() + " " + r.url()));
                p.onConsoleMessage(m -> System.out.println("CONSOLE " + m.type() + " " + m.text()));
            }
            p.onPageError(error -> pageErrors.add("page error on " + p.url() + ": " + error));
            p.onConsoleMessage(message -> {
                if (!"error".equals(message.type())) {
                    return;
                }
                String text = message.text();
                String source = message.location() == null ? "" : message.location();
                // Any CSP violation counts. Other errors count when they come from our pages; an
                // embedded player's own failures (this machine is offline) are not ours.
                if (text.contains("Content Security Policy") || text.contains("Refused to")
                        || source.isEmpty() || source.startsWith(origin)) {
                    pageErrors.add(text + " [" + source + " on " + p.url() + "]");
                }
            });
        });
        return created;
    }

    /** "-w" keeps these apart from IntegrationTest's names: both counters start at 1 in the same test database. */
    protected static String uniqueName(String prefix) {
        return prefix + "-w" + ProcessHandle.current().pid() % 10000 + "-" + SEQUENCE.incrementAndGet();
    }

    /** Signs up through the form, as a visitor would, and returns the username. */
    protected String signUp(Page p, String prefix, String displayName) {
        String username = uniqueName(prefix);
        p.navigate("/");
        clickNav(p, "Join MoviePeople");
        p.getByLabel("Your name").fill(displayName);
        p.getByLabel("Username").fill(username);
        p.getByLabel("E-mail address").fill(username + "@example.com");
        p.getByLabel("Password").fill(PASSWORD);
        p.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Create my account")).click();
        p.waitForURL("**/profile/edit");
        return username;
    }

    /** Clicks a navigation link, opening the collapsed menu first on a phone. */
    protected static void clickNav(Page p, String name) {
        openMenuOnSmallScreens(p);
        // By accessible name, which leaves out decorative avatars and starts with the label ("Connections 2 pending requests").
        // (No Pattern.quote: Playwright hands the pattern to JavaScript, which has no \Q…\E.)
        Pattern label = Pattern.compile("^" + name.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0") + "(\\s|$)");
        var nav = p.locator("#main-nav");
        nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(label))
                .or(nav.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(label))).first().click();
    }

    /** Below Bootstrap's lg breakpoint the navigation is collapsed behind the toggler: open it. */
    protected static void openMenuOnSmallScreens(Page p) {
        p.waitForLoadState(LoadState.LOAD);
        if (p.viewportSize().width < 992) {
            var toggler = p.locator(".navbar-toggler");
            if ("false".equals(toggler.getAttribute("aria-expanded"))) {
                toggler.click();
                p.locator("#main-nav.show").waitFor();
            }
        }
    }

    protected static void assertNoHorizontalScroll(Page p) {
        Object overflow = p.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow in px on " + p.url()).isLessThanOrEqualTo(0);
    }

    /**
     * The checks every main page gets: a real {@code <title>}, no horizontal scrolling, no serious
     * or critical axe-core violation (once per page and size in this JVM), and a screenshot under
     * target/screenshots/NAME-SIZE.png.
     */
    protected static void checkPage(Page p, String name, ViewportSize size) {
        p.waitForLoadState(LoadState.LOAD);
        assertThat(p.title()).as("title of " + p.url()).isNotBlank().contains("MoviePeople");
        assertNoHorizontalScroll(p);
        if (CHECKED_PAGES.add(name + "-" + size.name())) {
            assertAccessible(p);
            screenshot(p, name, size);
        }
    }

    /** Runs axe-core (injected by the test, not served by the app) and fails on serious or critical violations. */
    protected static void assertAccessible(Page p) {
        // Embedded players are the provider's pages (and offline here): axe checks ours.
        AxeRunOptions options = new AxeRunOptions();
        options.setIFrames(false);
        AxeResults results = new AxeBuilder(p).options(options).exclude("iframe").analyze();
        List<String> problems = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            if (FAILING_IMPACTS.contains(rule.getImpact())) {
                for (CheckedNode node : rule.getNodes()) {
                    problems.add(rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp() + "): "
                            + node.getTarget() + " " + node.getHtml() + " — " + node.getFailureSummary());
                }
            }
        }
        assertThat(problems).as("axe-core violations on " + p.url()).isEmpty();
    }

    protected record Member(long id, String username, String displayName) {
    }

    /** A verified member created through the accounts API (set-up, not part of a journey). */
    protected Member member(String prefix, String displayName) {
        String username = uniqueName(prefix);
        return new Member(accounts.registerVerified(username, username + "@example.com", PASSWORD, displayName).id(),
                username, displayName);
    }

    protected void connect(Member a, Member b) {
        connections.accept(b.id(), connections.request(a.id(), b.id()).state().connectionId());
    }

    /** Logs in through the login page, as a member would, and waits for the feed. */
    protected static void logIn(Page p, Member m) {
        p.navigate("/login");
        p.getByLabel("Username or e-mail").fill(m.username());
        p.getByLabel("Password").fill(PASSWORD);
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        p.waitForURL("**/feed");
    }

    /** A fresh browser window of that size (the previous one of this test is closed). */
    protected Page openWindow(ViewportSize size) {
        if (context != null) {
            context.close();
        }
        context = newContext(size, null);
        page = context.newPage();
        return page;
    }

    protected static void screenshot(Page p, String name, ViewportSize size) {
        p.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target", "screenshots", name + "-" + size.name() + ".png")));
    }
}
