package com.moviepeople.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Real-browser tests: the app on a random port with its own PostgreSQL, driven by the system
 * Chromium through Playwright. Without Chromium they are skipped with a loud warning — except
 * when {@code CI=true}, where a missing browser fails the build.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "moviepeople.demo-data=false")
public abstract class BrowserTest {

    public static final String PASSWORD = "a sensible passphrase";
    private static final List<String> CHROMIUM_CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    protected static final ViewportSize DESKTOP = new ViewportSize("desktop", 1280, 800);
    protected static final ViewportSize PHONE = new ViewportSize("phone", 390, 844);

    public record ViewportSize(String name, int width, int height) {
    }

    private static Playwright playwright;
    private static Browser browser;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
    }

    @LocalServerPort
    protected int port;

    protected BrowserContext context;
    protected Page page;

    /** Content-Security-Policy violations and script errors seen by any page of the test. */
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
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage")));
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
                .setHasTouch(size == PHONE);
        if (storageState != null) {
            options.setStorageStatePath(storageState);
        }
        BrowserContext created = browser.newContext(options);
        created.setDefaultTimeout(10_000);
        created.onPage(p -> {
            p.onPageError(error -> pageErrors.add("page error: " + error));
            p.onConsoleMessage(message -> {
                String text = message.text();
                if ("error".equals(message.type()) && (text.contains("Content Security Policy") || text.contains("Refused to"))) {
                    pageErrors.add(text);
                }
            });
        });
        return created;
    }

    protected static String uniqueName(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() % 10000 + "-" + SEQUENCE.incrementAndGet();
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
        var toggler = p.locator(".navbar-toggler");
        if (toggler.isVisible() && "false".equals(toggler.getAttribute("aria-expanded"))) {
            toggler.click();
            p.locator("#main-nav.show").waitFor();
        }
        p.locator("#main-nav").getByText(name, new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true)).first().click();
    }

    protected static void assertNoHorizontalScroll(Page p) {
        Object overflow = p.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow in px on " + p.url()).isLessThanOrEqualTo(0);
    }

    protected static void screenshot(Page p, String name, ViewportSize size) {
        p.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target", "screenshots", name + "-" + size.name() + ".png")));
    }
}
