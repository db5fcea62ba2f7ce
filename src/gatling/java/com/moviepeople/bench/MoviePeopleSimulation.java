package com.moviepeople.bench;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

/**
 * A realistic mix against a running MoviePeople filled by the generator
 * ({@code --moviepeople.generate.members=N --moviepeople.generate.password=...}).
 * Each virtual user logs in as a random genK member like a browser (session cookie, CSRF token),
 * then reads the feed (first page and the next cursor page), a profile, two searches, the inbox
 * and a conversation, and writes now and then (post, comment, message, connection request).
 * The liveness probe runs alongside as the framework's floor.
 * <p>
 * System properties: bench.baseUrl, bench.members, bench.password, bench.users (concurrent),
 * bench.seconds, bench.rampSeconds, bench.resultsDir, and bench.pauseMillis (a member's mean think
 * time between two pages, drawn uniformly from half to one and a half times it; default 1000, a
 * member clicking briskly; 0 turns the members into a closed loop that finds the saturation
 * throughput). The run fails (non-zero status) on any failed request.
 * <p>
 * Only Gatling's Apache-2.0 modules are used (not gatling-charts-highcharts, whose Highcharts
 * licence is not open source), so Gatling runs with {@code --no-reports} and {@link PageStats}
 * writes the report: {@code report.html} and {@code summary.md} under bench.resultsDir.
 */
public class MoviePeopleSimulation extends Simulation {

    private static final String BASE_URL = System.getProperty("bench.baseUrl", "http://localhost:8080");
    private static final int MEMBERS = Integer.getInteger("bench.members", 100_000);
    private static final String PASSWORD = System.getProperty("bench.password", "benchmark-password");
    private static final int USERS = Integer.getInteger("bench.users", 32);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 120);
    private static final int RAMP_SECONDS = Integer.getInteger("bench.rampSeconds", 10);
    private static final long PAUSE_MILLIS = Long.getLong("bench.pauseMillis", 1000);
    private static final String FLOOR = "liveness (floor)";
    private static final String[] LAST_NAMES = {"Kowalsky", "Lumiere", "Okafor", "Herrera", "Muller", "Garcia", "Rossi",
            "Dubois", "Nowak", "Silva", "Watanabe", "Jensen"};
    private static final String[][] ROLE_CITY = {{"editor", "Berlin"}, {"gaffer", "Lisbon"}, {"director", "Paris"},
            {"producer", "London"}, {"sound", "Los Angeles"}, {"actor", "Madrid"}};

    private static final PageStats STATS = new PageStats();

    private static Iterator<Map<String, Object>> members() {
        return Stream.generate(() -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String[] roleCity = ROLE_CITY[random.nextInt(ROLE_CITY.length)];
            return Map.<String, Object>of(
                    "username", "gen" + (1 + random.nextInt(MEMBERS)),
                    "other", "gen" + (1 + random.nextInt(MEMBERS)),
                    "lastName", LAST_NAMES[random.nextInt(LAST_NAMES.length)],
                    "role", roleCity[0], "city", roleCity[1],
                    "text", "Bench post " + random.nextLong(1_000_000_000L) + ": wrapping day 12, what a crew!");
        }).iterator();
    }

    /**
     * One request, timed into {@link #STATS}: its response time (the first check, so it is kept even
     * when a later check fails) and whether it failed (the session is marked succeeded before it, so
     * a failure seen after it is this request's).
     */
    private static ChainBuilder timed(String name, HttpRequestActionBuilder request) {
        return exec(session -> session.markAsSucceeded().remove("rt"))
                .exec(request)
                .exec(session -> {
                    STATS.record(name, session.contains("rt") ? session.getLong("rt") : -1, session.isFailed());
                    return session;
                });
    }

    private static HttpRequestActionBuilder get(String name, String path) {
        return http(name).get(path).check(responseTimeInMillis().saveAs("rt"));
    }

    private static HttpRequestActionBuilder post(String name, String path) {
        return http(name).post(path).check(responseTimeInMillis().saveAs("rt")).formParam("_csrf", "#{csrf}");
    }

    /** A member reading a page before the next click. */
    private static ChainBuilder think() {
        return PAUSE_MILLIS <= 0 ? exec(session -> session)
                : pause(Duration.ofMillis(PAUSE_MILLIS / 2), Duration.ofMillis(PAUSE_MILLIS * 3 / 2));
    }

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .acceptHeader("text/html,application/xhtml+xml")
            .userAgentHeader("MoviePeople-Gatling")
            .disableCaching();

    private static final ChainBuilder login = exec(
            timed("login page", get("login page", "/login").check(css("input[name=_csrf]", "value").saveAs("csrf"))),
            timed("login", http("login").post("/login").check(responseTimeInMillis().saveAs("rt"))
                    .formParam("username", "#{username}").formParam("password", PASSWORD).formParam("_csrf", "#{csrf}")
                    .check(status().is(200), currentLocationRegex(".*/feed$").exists())));

    private static final ChainBuilder reads = exec(
            timed("feed", get("feed", "/feed")
                    .check(css("input[name=_csrf]", "value").saveAs("csrf"))
                    .check(regex("href=\"/feed\\?before=([^\"]+)\"").optional().saveAs("before"))
                    .check(regex("href=\"/posts/(\\d+)\"").findRandom().optional().saveAs("postId"))),
            think(),
            doIf(session -> session.contains("before")).then(
                    exec(timed("feed next page", get("feed next page", "/feed?before=#{before}")), think())),
            timed("profile", get("profile", "/people/#{other}")),
            think(),
            timed("search name", get("search name", "/search?q=#{lastName}")),
            think(),
            timed("search role+location", get("search role+location", "/search?role=#{role}&location=#{city}")),
            think(),
            timed("inbox", get("inbox", "/messages")
                    .check(regex("href=\"/messages/([a-z0-9._-]+)\"").findRandom().optional().saveAs("partner"))),
            think(),
            doIf(session -> session.contains("partner")).then(
                    exec(timed("conversation", get("conversation", "/messages/#{partner}")), think())));

    private static final ChainBuilder writes = randomSwitch().on(
            percent(40.0).then(timed("post", post("post", "/posts").formParam("content", "#{text}"))),
            percent(30.0).then(doIf(session -> session.contains("postId")).then(
                    timed("comment", post("comment", "/posts/#{postId}/comments").formParam("content", "Great work!")))),
            percent(20.0).then(doIf(session -> session.contains("partner")).then(
                    timed("message", post("message", "/messages/#{partner}").formParam("content", "See you on set tomorrow?")))),
            percent(10.0).then(timed("connection request", post("connection request", "/connections/request/#{other}"))));

    private final ScenarioBuilder members = scenario("members")
            .feed(members())
            .exec(login)
            .during(Duration.ofSeconds(SECONDS)).on(
                    feed(members()).exec(reads)
                            .randomSwitch().on(percent(25.0).then(exec(writes, think()))));

    private final ScenarioBuilder floor = scenario("floor")
            .during(Duration.ofSeconds(SECONDS)).on(
                    timed(FLOOR, get(FLOOR, "/actuator/health/liveness").header("Accept", "application/json")),
                    PAUSE_MILLIS > 0 ? think() : pause(Duration.ofMillis(20)));

    {
        setUp(
                members.injectClosed(rampConcurrentUsers(1).to(USERS).during(RAMP_SECONDS), constantConcurrentUsers(USERS).during(SECONDS)),
                floor.injectClosed(constantConcurrentUsers(2).during(SECONDS + RAMP_SECONDS)))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void before() {
        STATS.start();
    }

    @Override
    public void after() {
        String setup = "%d members, %d concurrent users for %d s after a %d s ramp, think time %s, against %s".formatted(
                MEMBERS, USERS, SECONDS, RAMP_SECONDS, PAUSE_MILLIS > 0 ? PAUSE_MILLIS / 2 + "–" + PAUSE_MILLIS * 3 / 2 + " ms" : "none",
                BASE_URL);
        Path dir = STATS.write(Path.of(System.getProperty("bench.resultsDir", "target/bench")), setup, FLOOR);
        System.out.println("Report: " + dir.resolve("report.html").toAbsolutePath() + "\n" + STATS.markdown(FLOOR));
    }
}
