package com.moviepeople.config;

import com.moviepeople.QueryCounter;
import com.moviepeople.TestDatabase;
import com.moviepeople.accounts.AccountService;
import com.moviepeople.accounts.MemberSummary;
import com.moviepeople.connections.Connections;
import com.moviepeople.feed.Feed;
import com.moviepeople.messaging.Messaging;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a page writes nothing to the database: an anonymous visitor, a crawler or a health
 * probe gets no session (no cookie, no row); a member's page views read the session but write it
 * back at most once per touch interval (2 s here, a minute by default), and the pages themselves
 * only read. Full HTTP through Tomcat and every filter, as a browser sees it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "moviepeople.demo-data=false", "moviepeople.sessions.touch-interval=2s", "moviepeople.cleanup.cron=-"})
@Import(QueryCounter.Configuration.class)
class PageViewWritesNothingIntegrationTests {

    private static final String PASSWORD = "a sensible passphrase";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    QueryCounter queries;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountService accounts;

    @Autowired
    Connections connections;

    @Autowired
    Feed feed;

    @Autowired
    Messaging messaging;

    private long sessionRows() {
        return jdbc.queryForObject("select count(*) from spring_session", Long.class);
    }

    private MemberSummary member(String name) {
        String username = "nowrite-" + name + "-" + System.nanoTime() % 1_000_000;
        return accounts.registerVerified(username, username + "@example.com", PASSWORD, name);
    }

    @Test
    void anonymousPagesProbesAndStaticFilesCreateNoSessionAndWriteNothing() throws Exception {
        MemberSummary public_ = member("Public");
        HttpClient client = HttpClient.newHttpClient(); // no cookie jar: every request is a first visit
        List<String> paths = List.of("/", "/people/" + public_.username(), "/actuator/health/liveness",
                "/actuator/health/readiness", "/webjars/bootstrap/css/bootstrap.min.css", "/css/app.css",
                "/feed", "/messages", "/search?q=anna", "/no-such-page");
        long rowsBefore = sessionRows();
        queries.clearWrites();
        for (String path : paths) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isLessThan(500);
            assertThat(response.headers().allValues("Set-Cookie")).as("cookies of " + path)
                    .noneMatch(cookie -> cookie.startsWith("SESSION="));
        }
        assertThat(queries.writes()).as("statements that write").isEmpty();
        assertThat(sessionRows()).isEqualTo(rowsBefore);
    }

    @Test
    void theLoginFormStillGetsItsCsrfToken() throws Exception {
        HttpBrowser browser = new HttpBrowser();
        assertThat(browser.csrf(port, "/login")).isNotBlank();
        assertThat(browser.csrf(port, "/signup")).isNotBlank();
        assertThat(browser.csrf(port, "/password/forgot")).isNotBlank();
    }

    @Test
    void aMembersPageViewsReadTheSessionAndWriteItAtMostOncePerTouchInterval() throws Exception {
        MemberSummary anna = member("Anna");
        MemberSummary ben = member("Ben");
        long request = connections.request(anna.id(), ben.id()).state().connectionId();
        connections.accept(ben.id(), request);
        long post = feed.publish(ben.id(), "Wrapped the second unit today.");
        feed.comment(anna.id(), post, "Congratulations!");
        messaging.send(ben.id(), anna.id(), "Are you free in March?");
        messaging.markRead(anna.id(), ben.id());

        HttpBrowser browser = new HttpBrowser();
        browser.logIn(port, anna.username(), PASSWORD);
        List<String> pages = List.of("/feed", "/people/" + ben.username(), "/people/" + anna.username(),
                "/posts/" + post, "/search?q=Ben", "/search?role=editor&location=Berlin", "/messages",
                "/messages/" + ben.username(), "/connections", "/connections/pending");
        for (String page : pages) { // the first page after login stores the member's CSRF token
            assertThat(browser.get(port, page).statusCode()).as(page).isEqualTo(200);
        }
        queries.clearWrites();
        long start = System.nanoTime();
        for (String page : pages) {
            HttpResponse<String> response = browser.get(port, page);
            assertThat(response.statusCode()).as(page).isEqualTo(200);
            assertThat(response.body()).as(page).contains("name=\"_csrf\"");
        }
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
        // Only the session's last-access time, and at most once per started touch interval.
        assertThat(queries.writes()).as("statements that write")
                .allMatch(sql -> sql.toUpperCase().startsWith("UPDATE SPRING_SESSION") || sql.contains("synchronous_commit"));
        assertThat(queries.writes().stream().filter(sql -> sql.toUpperCase().startsWith("UPDATE SPRING_SESSION")).count())
                .as("session writes in %d ms of page views", elapsedMillis).isLessThanOrEqualTo(1 + elapsedMillis / 2_000);
        assertThat(queries.sessionReads()).as("one read of the session per page").isEqualTo(pages.size());

        // Probes and static files never look the session up, even with a member's cookie.
        queries.clearWrites();
        for (String path : List.of("/actuator/health/liveness", "/actuator/health/readiness", "/css/app.css",
                "/webjars/bootstrap/css/bootstrap.min.css")) {
            HttpResponse<String> response = browser.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "*/*").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        }
        assertThat(queries.sessionReads()).as("session reads for probes and static files").isZero();

        long lastAccess = jdbc.queryForObject("select last_access_time from spring_session where principal_name = ?",
                Long.class, anna.username());
        Thread.sleep(2_100);
        assertThat(browser.get(port, "/feed").statusCode()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select last_access_time from spring_session where principal_name = ?",
                Long.class, anna.username())).as("touched again after the interval").isGreaterThan(lastAccess);
        assertThat(queries.writes()).as("only the session's last-access time")
                .allMatch(sql -> sql.toUpperCase().contains("SPRING_SESSION") || sql.toLowerCase().contains("synchronous_commit"))
                .isNotEmpty();
    }
}
