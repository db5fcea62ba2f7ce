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

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app instances on one PostgreSQL, as behind a load balancer: a browser logs in on the first
 * and carries on with the same session on the second; a message sent through one instance shows
 * up live for a member whose browser talks to the other.
 */
class TwoInstancesIntegrationTests {

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(MoviePeopleApplication.class).run("--server.port=0",
                "--spring.datasource.url=" + TestDatabase.jdbcUrl(), "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--moviepeople.demo-data=false", "--spring.main.banner-mode=off",
                "--spring.datasource.hikari.maximum-pool-size=4");
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

        void logIn(int port, String username) throws Exception {
            HttpResponse<String> login = post(port, "/login", "username=" + username + "&password=a+sensible+passphrase&_csrf=" + csrf(port, "/login"));
            assertThat(login.statusCode()).isEqualTo(302);
            assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/feed");
        }
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
            Connections connections = first.getBean(Connections.class);
            connections.request(anna.id(), ben.id());
            connections.accept(ben.id(), connections.stateBetween(ben.id(), anna.id()).connectionId());

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

                // Ben's unread badge on the first instance counts it, and his conversation's poll there shows it.
            assertThat(bensBrowser.get(a, "/feed").body()).contains("data-unread-messages=\"1\"");
            HttpResponse<String> poll = bensBrowser.get(a, "/messages/" + anna.username() + "/since?after=0");
            assertThat(poll.body()).contains("Call time is 6am");
        }
    }
}
