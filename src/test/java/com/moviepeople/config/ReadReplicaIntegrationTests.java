package com.moviepeople.config;

import com.moviepeople.TestDatabase;
import com.moviepeople.TestReplica;
import com.moviepeople.accounts.AccountService;
import com.moviepeople.accounts.MemberSummary;
import com.moviepeople.connections.Connections;
import com.moviepeople.feed.Feed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import javax.sql.DataSource;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read replica (issue 25) against a real streaming standby of the test PostgreSQL
 * ({@link TestReplica}): safe page reads go to it, writes and read-write transactions to the
 * primary, a member reads their own writes at once, and a lagging or stopped replica sends reads
 * to the primary without a failed request. Full HTTP, through every filter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "moviepeople.demo-data=false", "moviepeople.cleanup.cron=-", "moviepeople.notifications.digest-cron=-",
        "moviepeople.export.poll=PT1H", "moviepeople.storage.local-dir=target/test-media",
        "spring.datasource.hikari.maximum-pool-size=8",
        "moviepeople.burst-limits.posts-burst=100000/1m", "moviepeople.burst-limits.searches-burst=100000/1m",
        "moviepeople.datasource.replica.check-interval=200ms",
        "moviepeople.datasource.replica.pages=" + ReadReplicaConfiguration.DEFAULT_PAGES + ",/replica-probe/**"})
class ReadReplicaIntegrationTests {

    private static final String PASSWORD = "a sensible passphrase";

    @DynamicPropertySource
    static void databases(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("moviepeople.datasource.replica.url", TestReplica::jdbcUrl);
    }

    /**
     * Answers whether work ran on a standby: {@code /replica-probe} "noTx,readOnly" (reads without a
     * transaction, in a read-only one), {@code /replica-probe/rw} in a read-write transaction.
     */
    @TestConfiguration(proxyBeanMethods = false)
    @RestController
    static class ProbeController {
        private final JdbcTemplate jdbc;
        private final TransactionTemplate readOnly;
        private final TransactionTemplate readWrite;

        ProbeController(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
            this.jdbc = jdbc;
            this.readOnly = new TransactionTemplate(transactions);
            readOnly.setReadOnly(true);
            this.readWrite = new TransactionTemplate(transactions);
        }

        @GetMapping("/replica-probe")
        String probe() {
            return inRecovery() + "," + readOnly.execute(status -> inRecovery());
        }

        @GetMapping("/replica-probe/rw")
        String probeReadWrite() {
            Boolean ranOnStandby = readWrite.execute(status -> inRecovery());
            return String.valueOf(ranOnStandby);
        }

        boolean inRecovery() {
            return Boolean.TRUE.equals(jdbc.queryForObject("select pg_is_in_recovery()", Boolean.class));
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    Connections connections;

    @Autowired
    Feed feed;

    @Autowired
    DataSource dataSource;

    @Autowired
    ProbeController probe;

    @AfterEach
    void replicaBackToNormal() throws Exception {
        TestReplica.start(); // no-op unless a test stopped it
        TestReplica.pauseReplay(false);
        replica().maxLag(Duration.ofSeconds(10));
        await("the replica is up again", () -> replica().state() == ReadReplica.State.UP);
    }

    private ReadReplica replica() {
        return ReadReplicaConfiguration.replicaOf(dataSource);
    }

    private MemberSummary member(String name) {
        String username = "replica-" + name.toLowerCase() + "-" + System.nanoTime() % 1_000_000;
        return accounts.registerVerified(username, username + "@example.com", PASSWORD, name + " Replica");
    }

    private HttpBrowser loggedIn(MemberSummary member) throws Exception {
        HttpBrowser browser = new HttpBrowser();
        browser.logIn(port, member.username(), PASSWORD);
        // Logging in wrote the session: until the replica has replayed that, this member reads from the primary.
        await(member.username() + "'s reads on the replica", () -> probe(browser).startsWith("true"));
        return browser;
    }

    private String probe(HttpBrowser browser) {
        return probe(browser, "/replica-probe");
    }

    private String probe(HttpBrowser browser, String path) {
        try {
            HttpResponse<String> response = browser.get(port, path);
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void safePageReadsGoToTheReplicaAndReadWriteTransactionsToThePrimary() throws Exception {
        HttpBrowser browser = loggedIn(member("Probe"));
        // Without a transaction and in a read-only one: the standby.
        assertThat(probe(browser)).isEqualTo("true,true");
        // In a read-write transaction, even in a GET: the primary.
        assertThat(probe(browser, "/replica-probe/rw")).isEqualTo("false");
        await("reads on the replica again", () -> probe(browser).equals("true,true"));
        // Outside a request (scheduled jobs, listeners, this test's thread): always the primary.
        assertThat(probe.probe()).isEqualTo("false,false");
        // The replica itself serves them: its own sessions of the app's pool have read there.
        try (Connection replica = TestReplica.connect(); Statement statement = replica.createStatement();
             ResultSet row = statement.executeQuery("select count(*) from pg_stat_activity where application_name = 'moviepeople-replica-reads'")) {
            row.next();
            assertThat(row.getInt(1)).isPositive();
        }
    }

    @Test
    void aMemberSeesTheirOwnPostAtOnceWhileOthersReadTheReplicaBehind() throws Exception {
        MemberSummary anna = member("Anna");
        MemberSummary ben = member("Ben");
        long request = connections.request(anna.id(), ben.id()).state().connectionId();
        connections.accept(ben.id(), request);
        HttpBrowser annaBrowser = loggedIn(anna);
        HttpBrowser benBrowser = loggedIn(ben);

        TestReplica.pauseReplay(true);
        String text = "Picture lock on the short " + System.nanoTime();
        HttpResponse<String> posted = annaBrowser.post(port, "/posts", "content=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                + "&_csrf=" + annaBrowser.csrf(port, "/feed"));
        assertThat(posted.statusCode()).isEqualTo(302);

        // Anna's reads go to the primary until the replica has replayed her post.
        assertThat(annaBrowser.get(port, "/feed").body()).contains(text);
        assertThat(probe(annaBrowser)).startsWith("false");
        // Ben reads the replica, which has not replayed it yet: proof that his feed comes from there.
        assertThat(benBrowser.get(port, "/feed").body()).doesNotContain(text);
        assertThat(probe(benBrowser)).isEqualTo("true,true");

        TestReplica.pauseReplay(false);
        await("Ben's feed with Anna's post", () -> {
            try {
                return benBrowser.get(port, "/feed").body().contains(text);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await("Anna back on the replica", () -> probe(annaBrowser).startsWith("true"));
    }

    @Test
    void aReplicaLaggingPastTheLimitSendsReadsToThePrimary() throws Exception {
        HttpBrowser browser = loggedIn(member("Lag"));
        MemberSummary writer = member("Writer");
        replica().maxLag(Duration.ofSeconds(1));

        TestReplica.pauseReplay(true);
        feed.publish(writer.id(), "Written while the replica stands still");
        await("the replica seen as lagging", () -> replica().state() == ReadReplica.State.LAGGING);
        assertThat(probe(browser)).isEqualTo("false,false");
        assertThat(browser.get(port, "/feed").statusCode()).isEqualTo(200);
        assertThat(java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        TestReplica.pauseReplay(false);
        await("the replica caught up", () -> replica().state() == ReadReplica.State.UP);
        assertThat(probe(browser)).isEqualTo("true,true");
    }

    @Test
    void stoppingTheReplicaMidRunFailsNoRequest() throws Exception {
        HttpBrowser browser = loggedIn(member("Busy"));
        // The first page with a form stores the session's CSRF token: not from three requests at once.
        assertThat(browser.get(port, "/feed").statusCode()).isEqualTo(200);
        await("reads on the replica", () -> probe(browser).startsWith("true"));
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicInteger served = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> clients = List.of("/feed", "/search?q=Replica", "/replica-probe").stream().map(page -> {
            Thread client = new Thread(() -> {
                while (running.get()) {
                    try {
                        int status = browser.get(port, page).statusCode();
                        if (status != 200) {
                            failures.add(page + " answered " + status);
                        }
                        served.incrementAndGet();
                    } catch (Exception e) {
                        failures.add(page + " failed: " + e);
                    }
                }
            });
            client.start();
            return client;
        }).toList();
        try {
            Thread.sleep(1000);
            TestReplica.stop();
            await("the replica seen as down", () -> replica().state() == ReadReplica.State.DOWN);
            int before = served.get();
            await("requests served with the replica down", () -> served.get() > before + 30);
        } finally {
            running.set(false);
            for (Thread client : clients) {
                client.join();
            }
        }
        assertThat(failures).isEmpty();
        assertThat(probe(browser)).isEqualTo("false,false");

        TestReplica.start();
        await("the replica up again", () -> replica().state() == ReadReplica.State.UP);
        await("reads on the replica again", () -> probe(browser).startsWith("true"));
    }
}
