package com.moviepeople.demo;

import com.moviepeople.IntegrationTest;
import com.moviepeople.MoviePeopleApplication;
import com.moviepeople.TestDatabase;
import com.moviepeople.bench.MoviePeopleSimulation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short load run of CI: the benchmark's own Gatling simulation ({@link MoviePeopleSimulation},
 * the one docs/benchmarks.md runs at 100,000 members) against a real app on a real port, on a
 * community made by the generator: 8 members log in like browsers and click through every page and
 * write, for 15 seconds. It must finish with zero failed requests and produce its report.
 */
class LoadSmokeTests extends IntegrationTest {

    private static final Path RESULTS = Path.of("target", "bench-smoke");
    private static final Pattern ROW = Pattern.compile("^\\| ([^|]+) \\| (\\d+) \\| (\\d+) \\|", Pattern.MULTILINE);

    @Autowired
    SyntheticCommunityGenerator generator;

    @AfterEach
    void removeTheCommunity() {
        cleanDatabase();
    }

    @Test
    void theBenchmarkRunsWithoutErrorsAgainstAGeneratedCommunity() throws Exception {
        cleanDatabase();
        generator.generate(200, "load-smoke-password");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MoviePeopleApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + TestDatabase.jdbcUrl(), "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--moviepeople.demo-data=false", "--spring.main.banner-mode=off",
                "--spring.datasource.hikari.maximum-pool-size=8",
                // Virtual members think 50–150 ms, ten times faster than people: they would meet the
                // per-minute burst limits (BurstLimitIntegrationTests checks those); this run measures pages.
                "--moviepeople.burst-limits.searches-burst=1000000/1m", "--moviepeople.burst-limits.posts-burst=1000000/1m",
                "--moviepeople.burst-limits.comments-burst=1000000/1m", "--moviepeople.burst-limits.messages-burst=1000000/1m",
                "--moviepeople.burst-limits.connection-requests-burst=1000000/1m")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Map<String, String> settings = Map.of("bench.baseUrl", "http://localhost:" + port, "bench.members", "200",
                    "bench.password", "load-smoke-password", "bench.users", "8", "bench.seconds", "15",
                    "bench.rampSeconds", "2", "bench.pauseMillis", "100", "bench.resultsDir", RESULTS.toString());
            settings.forEach(System::setProperty);
            int status;
            try {
                status = io.gatling.app.Gatling$.MODULE$.fromArgs(new String[] {"--simulation", MoviePeopleSimulation.class.getName(),
                        "--results-folder", RESULTS.resolve("gatling").toAbsolutePath().toString(), "--no-reports",
                        "--run-description", "CI smoke"});
            } finally {
                settings.keySet().forEach(System::clearProperty);
            }
            assertThat(status).as("Gatling's exit status (its assertion: no failed request)").isZero();
        }

        Path run;
        try (Stream<Path> runs = Files.list(RESULTS)) {
            run = runs.filter(p -> p.getFileName().toString().startsWith("run-")).max(Comparator.comparing(Path::toString)).orElseThrow();
        }
        assertThat(run.resolve("report.html")).exists();
        String summary = Files.readString(run.resolve("summary.md"));
        System.out.println(summary);
        Matcher rows = ROW.matcher(summary);
        List<String> requests = new java.util.ArrayList<>();
        while (rows.find()) {
            if (rows.group(1).equals("request")) {
                continue;
            }
            requests.add(rows.group(1));
            assertThat(Long.parseLong(rows.group(2))).as(rows.group(1) + " requests").isPositive();
            assertThat(Long.parseLong(rows.group(3))).as(rows.group(1) + " errors").isZero();
        }
        assertThat(requests).contains("login page", "login", "feed", "feed next page", "profile", "search name",
                "search role+location", "inbox", "conversation", "liveness (floor)");
        assertThat(requests).containsAnyOf("post", "comment", "message", "connection request");
    }
}
