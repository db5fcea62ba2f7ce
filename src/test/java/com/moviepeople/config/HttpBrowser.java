package com.moviepeople.config;

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

/** A browser over plain HTTP for tests of running app instances: one cookie jar, any instance. */
public final class HttpBrowser {

    final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5)).build();

    public HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html")
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(int port, String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public String csrf(int port, String path) throws Exception {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(port, path).body());
        assertThat(token.find()).isTrue();
        return URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
    }

    public void logIn(int port, String username, String password) throws Exception {
        HttpResponse<String> login = post(port, "/login", "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf(port, "/login"));
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/feed");
    }

    /** Opens a server-sent event stream, as EventSource does; its lines are collected in the background. */
    public EventStream stream(int port, String path) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        return new EventStream(response);
    }

    /** An open event stream: what it received so far, and whether the server ended it. */
    public static final class EventStream implements AutoCloseable {
        public final HttpResponse<InputStream> response;
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

        public String text() {
            return received.toString();
        }

        /** Waits until the stream has received {@code expected}; returns everything received. */
        public String await(String expected, Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (!text().contains(expected) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(text()).as("event stream").contains(expected);
            return text();
        }

        public boolean awaitEnd(Duration within) throws InterruptedException {
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
}
