package com.moviepeople.config;

import com.moviepeople.MoviePeopleApplication;
import com.moviepeople.TestDatabase;
import com.moviepeople.accounts.AccountService;
import com.moviepeople.accounts.MemberSummary;
import com.moviepeople.connections.Connections;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app instances on one PostgreSQL, as behind a load balancer: a browser logs in on the first
 * and carries on with the same session on the second; a message sent through one instance reaches
 * live, through PostgreSQL LISTEN/NOTIFY and a server-sent event, a member whose browser holds its
 * event stream on the other.
 */
class TwoInstancesIntegrationTests {

    private static final Duration HEARTBEAT = Duration.ofMillis(500);

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(MoviePeopleApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + TestDatabase.jdbcUrl(), "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--moviepeople.demo-data=false", "--spring.main.banner-mode=off",
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--moviepeople.live-updates.heartbeat=" + HEARTBEAT.toMillis() + "ms");
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    /** A browser: one cookie jar, any instance. */
    private static final class Browser {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

        HttpResponse<String> get(int port, String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(int port, String path, String form) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String csrf(int port, String path) throws Exception {
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(port, path).body());
            assertThat(token.find()).isTrue();
            return URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        }

        /** Opens a server-sent event stream, as EventSource does; its lines are collected in the background. */
        EventStream stream(int port, String path) throws Exception {
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
            return new EventStream(response);
        }

        void logIn(int port, String username) throws Exception {
            HttpResponse<String> login = post(port, "/login", "username=" + username + "&password=a+sensible+passphrase&_csrf=" + csrf(port, "/login"));
            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/feed");
        }
    }

    /** An open event stream: what it received so far, and whether the server ended it. */
    private static final class EventStream implements AutoCloseable {
        final HttpResponse<InputStream> response;
        private final StringBuffer received = new StringBuffer();
        private volatile boolean ended;

        EventStream(HttpResponse<InputStream> response) {
            this.response = response;
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        received.append(line).append('\n');
                    }
                } catch (IOException e) {
                    // Closed by the test.
                }
                ended = true;
            }, "test-event-stream");
            reader.setDaemon(true);
            reader.start();
        }

        String text() {
            return received.toString();
        }

        String await(String expected, Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (!text().contains(expected) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(text()).as("event stream").contains(expected);
            return text();
        }

        boolean awaitEnd(Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (!ended && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            return ended;
        }

        @Override
        public void close() throws IOException {
            response.body().close();
        }
    }

    private static long sessionLastAccess(ConfigurableApplicationContext app, String username) {
        return app.getBean(JdbcTemplate.class).queryForObject(
                "select max(last_access_time) from spring_session where principal_name = ?", Long.class, username);
    }

    @Test
    void aSessionStartedOnOneInstanceContinuesOnTheOtherAndMessagesCrossInstances() throws Exception {
        try (ConfigurableApplicationContext first = start(); ConfigurableApplicationContext second = start()) {
            int a = port(first);
            int b = port(second);
            String suffix = Long.toString(System.nanoTime() % 1_000_000);
            AccountService accounts = first.getBean(AccountService.class);
            MemberSummary anna = accounts.registerVerified("twoi-anna-" + suffix, "twoi-anna-" + suffix + "@example.com", "a sensible passphrase", "Anna");
            MemberSummary ben = accounts.registerVerified("twoi-ben-" + suffix, "twoi-ben-" + suffix + "@example.com", "a sensible passphrase", "Ben");
            MemberSummary carol = accounts.registerVerified("twoi-carol-" + suffix, "twoi-carol-" + suffix + "@example.com", "a sensible passphrase", "Carol");
            Connections connections = first.getBean(Connections.class);
            connections.request(anna.id(), ben.id());
            connections.accept(ben.id(), connections.stateBetween(ben.id(), anna.id()).connectionId());
            connections.request(anna.id(), carol.id());
            connections.accept(carol.id(), connections.stateBetween(carol.id(), anna.id()).connectionId());

            Browser annasBrowser = new Browser();
            annasBrowser.logIn(a, anna.username());
            // Same session, other instance: the feed opens without logging in again.
            HttpResponse<String> feedOnSecond = annasBrowser.get(b, "/feed");
            assertThat(feedOnSecond.statusCode()).isEqualTo(200);
            assertThat(feedOnSecond.body()).contains("href=\"/people/" + anna.username() + "\"");

            Browser bensBrowser = new Browser();
            bensBrowser.logIn(a, ben.username());
            assertThat(bensBrowser.get(a, "/messages/" + anna.username()).statusCode()).isEqualTo(200);

            // Anna sends through the second instance (CSRF token from her session, read on the first).
            HttpResponse<String> sent = annasBrowser.post(b, "/messages/" + ben.username(),
                    "content=Call+time+is+6am&_csrf=" + annasBrowser.csrf(a, "/messages/" + ben.username()));
            assertThat(sent.statusCode()).isEqualTo(302);

            // Ben's unread badge on the first instance counts it, and his conversation's fragment there shows it.
            assertThat(bensBrowser.get(a, "/feed").body()).contains("data-unread-messages=\"1\"");
            HttpResponse<String> poll = bensBrowser.get(a, "/messages/" + anna.username() + "/since?after=0");
            assertThat(poll.body()).contains("Call time is 6am");

            // Live: Ben's and Carol's browsers hold their event streams on the second instance…
            Browser carolsBrowser = new Browser();
            carolsBrowser.logIn(a, carol.username());
            EventStream bensStream = bensBrowser.stream(b, "/messages/stream");
            EventStream carolsStream = carolsBrowser.stream(b, "/messages/stream");
            assertThat(bensStream.response.statusCode()).isEqualTo(200);
            assertThat(bensStream.response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            bensStream.await("event:unread\ndata:{\"count\":0}\n", Duration.ofSeconds(5));
            carolsStream.await("event:unread", Duration.ofSeconds(5));

            // …and Anna writes through the first: the second instance's listener hears it and tells Ben's stream.
            HttpResponse<String> live = annasBrowser.post(a, "/messages/" + ben.username(),
                    "content=Bring+the+rushes&_csrf=" + annasBrowser.csrf(a, "/messages/" + ben.username()));
            assertThat(live.statusCode()).isEqualTo(302);
            String received = bensStream.await("event:message\ndata:{\"with\":" + anna.id() + ",\"incoming\":true}\n",
                    Duration.ofSeconds(5));
            assertThat(received).doesNotContain("Bring the rushes");
            assertThat(bensBrowser.get(b, "/messages/" + anna.username() + "/since?after=0").body()).contains("Bring the rushes");
            // Carol is nobody in this conversation: her stream hears nothing of it.
            Thread.sleep(500);
            assertThat(carolsStream.text()).doesNotContain("event:message", "event:read");

            // While streams wait, the second instance holds no pooled connection, and heartbeats
            // (comments every 500 ms here) never save the session in PostgreSQL.
            HikariDataSource pool = second.getBean(DataSource.class).unwrap(HikariDataSource.class);
            long lastAccess = sessionLastAccess(second, carol.username());
            int heartbeatsBefore = carolsStream.text().split("\n:\n", -1).length;
            Thread.sleep(HEARTBEAT.toMillis() * 4);
            assertThat(carolsStream.text().split("\n:\n", -1).length - heartbeatsBefore).as("heartbeats").isGreaterThanOrEqualTo(2);
            assertThat(sessionLastAccess(second, carol.username())).isEqualTo(lastAccess);
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();

            // Shutting the second instance down ends its streams at once (their pages reconnect to
            // another instance) instead of the graceful shutdown waiting for them.
            carolsStream.close();
            long stopping = System.nanoTime();
            second.close();
            assertThat(bensStream.awaitEnd(Duration.ofSeconds(5))).as("stream ended by the shutdown").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - stopping)).isLessThan(Duration.ofSeconds(10));
        }
    }
}
