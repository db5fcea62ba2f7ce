package com.moviepeople;

import com.moviepeople.connections.Connections;

import com.moviepeople.accounts.AccountService;
import com.moviepeople.accounts.MemberSummary;
import com.moviepeople.shared.CurrentMember;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Base for tests of the whole application (MockMvc) against the real test PostgreSQL.
 * Members created with {@link #newMember(String)} get unique names, so tests do not need an
 * empty database; tests that count rows call {@link #cleanDatabase()} first.
 */
@SpringBootTest(properties = {"moviepeople.demo-data=false", "spring.datasource.hikari.maximum-pool-size=8",
        // Tests run the clean-up themselves (ScheduledCleanupIntegrationTests), never on the hour.
        "moviepeople.cleanup.cron=-", "moviepeople.notifications.digest-cron=-",
        // Pictures go to the build folder, not to the working copy's ./data.
        "moviepeople.storage.local-dir=target/test-media",
        // Tests run the digest at any hour of the day.
        "moviepeople.notifications.digest-hour=0",
        // Tests act from one address many times; RateLimitIntegrationTests checks the real limits.
        "moviepeople.rate-limits.signup-per-address=100000/1h",
        "moviepeople.rate-limits.password-reset-per-address=100000/1h",
        "moviepeople.rate-limits.login-failures-per-address=100000/1h",
        "moviepeople.rate-limits.connection-requests-unverified=100000/1d",
        "moviepeople.rate-limits.messages-unverified=100000/1d",
        // Burst limits are counted in memory per member id, and ids repeat after cleanDatabase();
        // BurstLimitIntegrationTests checks the real numbers.
        "moviepeople.burst-limits.searches-burst=100000/1m", "moviepeople.burst-limits.posts-burst=100000/1m",
        "moviepeople.burst-limits.comments-burst=100000/1m", "moviepeople.burst-limits.messages-burst=100000/1m",
        "moviepeople.burst-limits.portfolio-items-burst=100000/1m", "moviepeople.burst-limits.reports-burst=100000/1m",
        "moviepeople.burst-limits.connection-requests-burst=100000/1m",
        "moviepeople.burst-limits.productions-burst=100000/1m", "moviepeople.burst-limits.credits-burst=100000/1m",
        "moviepeople.burst-limits.availability-burst=100000/1m", "moviepeople.burst-limits.applause-burst=100000/1m", "moviepeople.burst-limits.pictures-burst=100000/1m",
        "moviepeople.burst-limits.calls-burst=100000/1m", "moviepeople.rate-limits.calls-per-member=100000/1d",
        "moviepeople.rate-limits.productions-per-member=100000/1d", "moviepeople.rate-limits.credits-per-member=100000/1d",
        // Tests run the export worker themselves (ExportIntegrationTests), never on its schedule.
        "moviepeople.export.poll=PT1H"})
@AutoConfigureMockMvc
@Import(QueryCounter.Configuration.class)
public abstract class IntegrationTest {

    public static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected AccountService accounts;

    @Autowired
    protected UserDetailsService userDetailsService;

    /** Counts statements run by this thread: {@code queries.reset(); mvc.perform(..); queries.count()}. */
    @Autowired
    protected QueryCounter queries;

    /** A unique, valid username starting with {@code prefix}. */
    @Autowired
    private Connections connectionsForSetUp;

    /** {@code a} asks {@code b} to connect and {@code b} accepts, through the connections module's API; returns the connection's id. */
    protected long connect(CurrentMember a, CurrentMember b) {
        long id = connectionsForSetUp.request(a.id(), b.id()).state().connectionId();
        connectionsForSetUp.accept(b.id(), id);
        return id;
    }

    protected static String uniqueName(String prefix) {
        return (prefix + "-" + ProcessHandle.current().pid() % 10000 + "-" + SEQUENCE.incrementAndGet()).toLowerCase();
    }

    /** Registers a verified member with {@link #PASSWORD} and returns them as the logged-in principal. */
    protected CurrentMember newMember(String prefix) {
        String username = uniqueName(prefix);
        MemberSummary member = accounts.registerVerified(username, username + "@example.com", PASSWORD,
                Character.toUpperCase(prefix.charAt(0)) + prefix.substring(1) + " Tester");
        return currentMember(member.username());
    }

    protected CurrentMember currentMember(String username) {
        return (CurrentMember) userDetailsService.loadUserByUsername(username);
    }

    /** Empties every application table (not Flyway's history, nor the trade terms the search keeps from its file). */
    protected void cleanDatabase() {
        List<String> tables = jdbc.queryForList("""
                select quote_ident(tablename) from pg_tables
                where schemaname = 'public' and tablename not in ('flyway_schema_history', 'search_role_department')""", String.class);
        if (!tables.isEmpty()) {
            // A listener of the previous test may still be writing in the background (feed posts
            // for credits, portfolio items): the truncate can then lose a deadlock. It is atomic,
            // so trying again once that work has committed is safe.
            for (int attempt = 1; ; attempt++) {
                try {
                    jdbc.execute("truncate " + String.join(", ", tables) + " restart identity cascade");
                    break;
                } catch (org.springframework.dao.PessimisticLockingFailureException e) {
                    if (attempt == 5) {
                        throw e;
                    }
                    try {
                        Thread.sleep(200L * attempt);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw e;
                    }
                }
            }
        }
        // Ids start again: cards kept in memory for the old members must go too.
        Object memberCards = applicationContext.getBean(com.moviepeople.shared.MemberCards.class);
        ((com.github.benmanes.caffeine.cache.Cache<?, ?>) org.springframework.test.util.ReflectionTestUtils
                .getField(memberCards, "cache")).invalidateAll();
        org.springframework.test.util.ReflectionTestUtils.invokeMethod(applicationContext.getBean("creditsCache"), "clear");
        org.springframework.test.util.ReflectionTestUtils.invokeMethod(applicationContext.getBean("portfolioCache"), "clear");
        org.springframework.test.util.ReflectionTestUtils.invokeMethod(applicationContext.getBean("connectionService"), "forgetAllMutual");
    }

    @Autowired
    private org.springframework.context.ApplicationContext applicationContext;

    /**
     * How often the current transaction called this SQL function ({@code "name(argument types)"}), as
     * PostgreSQL counts it after {@code set local track_functions = 'all'}; 0 when never. A function the
     * planner inlined into the statement is never called.
     */
    protected long callsOf(String function) {
        return jdbc.queryForObject("select coalesce(pg_stat_get_xact_function_calls(cast(? as regprocedure)), 0)",
                Long.class, function);
    }

    /**
     * The inner HTML of each {@code data-request-note} element of a page: a connection request's note
     * as the connections pages and the notifications show it (escaped, line breaks kept).
     */
    protected static List<String> requestNotesIn(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<p [^>]*data-request-note[^>]*>(.*?)</p>",
                java.util.regex.Pattern.DOTALL).matcher(html);
        List<String> notes = new java.util.ArrayList<>();
        while (m.find()) {
            notes.add(m.group(1));
        }
        return notes;
    }
}
