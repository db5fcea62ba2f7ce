package com.moviepeople.config;

import com.moviepeople.MoviePeopleApplication;
import com.moviepeople.accounts.AccountService;
import com.moviepeople.accounts.MemberDirectory;
import com.moviepeople.accounts.MemberSummary;
import com.moviepeople.connections.Connections;
import com.moviepeople.messaging.Messaging;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL goes away under the running app and comes back: pages answer a friendly 503 and
 * readiness fails meanwhile, the app recovers without a restart, and acknowledged writes survive.
 * The live-update listener loses its connection too: it says so once, reconnects by itself, tells
 * the open pages to catch up, and carries messages live again.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageIntegrationTests {

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answers503WhileTheDatabaseIsDownAndRecoversByItself(CapturedOutput output) throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MoviePeopleApplication.class)
                .run("--server.port=0", "--moviepeople.data-dir=" + dataDir, "--moviepeople.demo-data=false",
                        "--spring.main.banner-mode=off", "--spring.datasource.hikari.connection-timeout=2000")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            EmbeddedPostgresLauncher postgres = app.getBean(EmbeddedPostgresLauncher.class);
            AccountService accounts = app.getBean(AccountService.class);
            MemberSummary before = accounts.registerVerified("before-outage", "before@example.com", "a sensible passphrase", "Before");
            MemberSummary other = accounts.registerVerified("outage-other", "other@example.com", "a sensible passphrase", "Other");
            Connections connections = app.getBean(Connections.class);
            connections.accept(other.id(), connections.request(before.id(), other.id()).state().connectionId());
            assertThat(get(port, "/people/before-outage").statusCode()).isEqualTo(200);
            // A member's page holds its event stream through the outage (it needs no database while it waits).
            HttpBrowser browser = new HttpBrowser();
            browser.logIn(port, "before-outage", "a sensible passphrase");
            HttpBrowser.EventStream stream = browser.stream(port, "/messages/stream");
            stream.await("event:unread", Duration.ofSeconds(5));

            postgres.stopServer();
            try {
                HttpResponse<String> down = get(port, "/people/before-outage");
                assertThat(down.statusCode()).isEqualTo(503);
                assertThat(down.body()).contains("data-error-status=\"503\"").doesNotContain("Exception", "JDBC");
                assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(503);
                assertThat(get(port, "/actuator/health/liveness").statusCode()).isNotEqualTo(500);
            } finally {
                postgres.restartServer();
            }

            // The pool reconnects on its own.
            long deadline = System.currentTimeMillis() + 30_000;
            int status = 0;
            while (System.currentTimeMillis() < deadline && (status = get(port, "/people/before-outage").statusCode()) != 200) {
                Thread.sleep(250);
            }
            assertThat(status).isEqualTo(200);
            assertThat(app.getBean(MemberDirectory.class).findByUsername("before-outage")).isPresent();

            // The listener is back by itself (backoff up to 10 s) and tells the page to fetch what it missed…
            stream.await("event:resync", Duration.ofSeconds(30));
            // …and messages are live again.
            app.getBean(Messaging.class).send(other.id(), before.id(), "Back on set");
            stream.await("event:message\ndata:{\"with\":" + other.id() + ",\"incoming\":true}", Duration.ofSeconds(5));
            stream.close();
            // One line when the listener lost PostgreSQL and one when it was back, however many retries in between.
            assertThat(output.getAll().split("Live updates paused", -1)).hasSize(2);
            assertThat(output.getAll().split("Live updates resumed", -1)).hasSize(2);
        }
    }
}
