package com.moviepeople.bench;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

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
 *
 * System properties: bench.baseUrl, bench.members, bench.password, bench.users (concurrent), bench.seconds.
 */
public class MoviePeopleSimulation extends Simulation {

    private static final String BASE_URL = System.getProperty("bench.baseUrl", "http://localhost:8080");
    private static final int MEMBERS = Integer.getInteger("bench.members", 100_000);
    private static final String PASSWORD = System.getProperty("bench.password", "benchmark-password");
    private static final int USERS = Integer.getInteger("bench.users", 32);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 120);
    private static final String[] LAST_NAMES = {"Kowalsky", "Lumiere", "Okafor", "Herrera", "Muller", "Garcia", "Rossi",
            "Dubois", "Nowak", "Silva", "Watanabe", "Jensen"};
    private static final String[][] ROLE_CITY = {{"editor", "Berlin"}, {"gaffer", "Lisbon"}, {"director", "Paris"},
            {"producer", "London"}, {"sound", "Los Angeles"}, {"actor", "Madrid"}};

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

    private final HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
            .acceptHeader("text/html,application/xhtml+xml")
            .userAgentHeader("MoviePeople-Gatling")
            .disableCaching();

    private static final ChainBuilder login = exec(
            http("login page").get("/login").check(css("input[name=_csrf]", "value").saveAs("csrf")),
            http("login").post("/login")
                    .formParam("username", "#{username}").formParam("password", PASSWORD).formParam("_csrf", "#{csrf}")
                    .check(status().is(200), currentLocationRegex(".*/feed$").exists()));

    private static final ChainBuilder reads = exec(
            http("feed").get("/feed")
                    .check(css("input[name=_csrf]", "value").saveAs("csrf"))
                    .check(regex("href=\"/feed\\?before=([^\"]+)\"").optional().saveAs("before"))
                    .check(regex("href=\"/posts/(\\d+)\"").findRandom().optional().saveAs("postId")),
            doIf(session -> session.contains("before")).then(
                    exec(http("feed next page").get("/feed?before=#{before}"))),
            http("profile").get("/people/#{other}"),
            http("search name").get("/search?q=#{lastName}"),
            http("search role+location").get("/search?role=#{role}&location=#{city}"),
            http("inbox").get("/messages")
                    .check(regex("href=\"/messages/([a-z0-9._-]+)\"").findRandom().optional().saveAs("partner")),
            doIf(session -> session.contains("partner")).then(
                    exec(http("conversation").get("/messages/#{partner}"))));

    private static final ChainBuilder writes = randomSwitch().on(
            percent(40.0).then(exec(http("post").post("/posts").formParam("content", "#{text}").formParam("_csrf", "#{csrf}"))),
            percent(30.0).then(doIf(session -> session.contains("postId")).then(exec(
                    http("comment").post("/posts/#{postId}/comments").formParam("content", "Great work!").formParam("_csrf", "#{csrf}")))),
            percent(20.0).then(doIf(session -> session.contains("partner")).then(exec(
                    http("message").post("/messages/#{partner}").formParam("content", "See you on set tomorrow?").formParam("_csrf", "#{csrf}")))),
            percent(10.0).then(exec(
                    http("connection request").post("/connections/request/#{other}").formParam("_csrf", "#{csrf}"))));

    private final ScenarioBuilder members = scenario("members")
            .feed(members())
            .exec(login)
            .during(Duration.ofSeconds(SECONDS)).on(
                    feed(members()).exec(reads).pause(Duration.ofMillis(50), Duration.ofMillis(200))
                            .randomSwitch().on(percent(25.0).then(exec(writes))));

    private final ScenarioBuilder floor = scenario("floor")
            .during(Duration.ofSeconds(SECONDS)).on(exec(http("liveness (floor)").get("/actuator/health/liveness").header("Accept", "application/json")).pause(Duration.ofMillis(20)));

    {
        setUp(
                members.injectClosed(rampConcurrentUsers(1).to(USERS).during(10), constantConcurrentUsers(USERS).during(SECONDS)),
                floor.injectClosed(constantConcurrentUsers(2).during(SECONDS + 10)))
                .protocols(protocol);
    }
}
