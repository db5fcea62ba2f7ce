package com.moviepeople.config;

import com.moviepeople.MoviePeopleApplication;
import com.moviepeople.accounts.AccountService;
import com.moviepeople.accounts.MemberDirectory;
import org.junit.jupiter.api.Test;
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
 */
class DatabaseOutageIntegrationTests {

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answers503WhileTheDatabaseIsDownAndRecoversByItself() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MoviePeopleApplication.class)
                .run("--server.port=0", "--moviepeople.data-dir=" + dataDir, "--moviepeople.demo-data=false",
                        "--spring.main.banner-mode=off", "--spring.datasource.hikari.connection-timeout=2000")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            EmbeddedPostgresLauncher postgres = app.getBean(EmbeddedPostgresLauncher.class);
            app.getBean(AccountService.class).registerVerified("before-outage", "before@example.com", "a sensible passphrase", "Before");
            assertThat(get(port, "/people/before-outage").statusCode()).isEqualTo(200);

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
        }
    }
}
