package com.moviepeople.config;

import com.moviepeople.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * MoviePeople as production runs it: {@code SPRING_PROFILES_ACTIVE=prod} and a Heroku-style
 * {@code DATABASE_URL} in the environment, nothing else. Operators read its stdout as JSON lines
 * (Elastic Common Schema) and find a member's failed request by the id the response carried.
 *
 * <p>A child JVM rather than a context in this one: stdout must hold the application's output and
 * nothing else, and the logging configuration is global to a JVM (switching this one to JSON
 * would change the output of every test after it).
 */
class ProductionProfileIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+).*");

    @TempDir
    static Path workingDirectory;

    private static ChildJvm app;
    private static int port;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startInProduction() throws Exception {
        Matcher test = JDBC_URL.matcher(TestDatabase.jdbcUrl());
        assertThat(test.matches()).isTrue();
        app = ChildJvm.start(workingDirectory, Map.of(
                "SPRING_PROFILES_ACTIVE", "prod",
                "DATABASE_URL", "postgres://postgres@" + test.group(1) + ":" + test.group(2) + "/" + test.group(3)));
        port = app.awaitStarted();
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The JSON log line that carries this request id (waits for it: the child logs asynchronously to us). */
    private static JsonNode logLineOf(String requestId) throws Exception {
        String line = app.awaitLine(l -> l.contains("\"requestId\":\"" + requestId + "\""), Duration.ofSeconds(10));
        return JSON.readTree(line);
    }

    @Test
    void everyLineOnStdoutIsOneJsonObjectWithTheEcsFields() throws Exception {
        assertThat(get("/people/nobody-here").statusCode()).isEqualTo(404);
        List<String> lines = app.stdout();
        assertThat(lines).as("startup is logged").anyMatch(line -> line.contains("Started ApplicationWithTestEndpoints"));
        for (String line : lines) {
            JsonNode entry;
            try {
                entry = JSON.readTree(line);
            } catch (RuntimeException e) {
                throw new AssertionError("Not a JSON line on stdout: " + line, e);
            }
            assertThat(entry.isObject()).as(line).isTrue();
            assertThatCode(() -> Instant.parse(entry.path("@timestamp").stringValue(null))).as(line).doesNotThrowAnyException();
            assertThat(entry.at("/log/level").stringValue(null)).as(line).isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
            assertThat(entry.at("/log/logger").stringValue(null)).as(line).isNotBlank();
            assertThat(entry.path("message").isString()).as(line).isTrue();
            assertThat(entry.at("/service/name").stringValue(null)).as(line).isEqualTo("moviepeople");
            assertThat(entry.at("/ecs/version").isMissingNode()).as(line).isFalse();
        }
    }

    @Test
    void theStackTraceOfAFailedRequestIsLoggedWithTheRequestIdTheResponseCarried() throws Exception {
        HttpResponse<String> failed = get(ApplicationWithTestEndpoints.FAILING_PATH);
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).contains("data-error-status=\"500\"").doesNotContain("a bug in a test endpoint");
        String id = failed.headers().firstValue("X-Request-Id").orElseThrow();

        JsonNode error = logLineOf(id);
        assertThat(error.at("/log/level").stringValue(null)).isEqualTo("ERROR");
        assertThat(error.at("/error/type").stringValue(null)).isEqualTo(IllegalStateException.class.getName());
        assertThat(error.at("/error/stack_trace").stringValue(null))
                .contains("a bug in a test endpoint", ApplicationWithTestEndpoints.class.getName());
    }

    @Test
    void theIdOfTheProxyInFrontIsKeptSoItsLogsAndOursMeet() throws Exception {
        // Heroku's router and most ingresses send X-Request-Id; their access log names the same id.
        HttpResponse<String> failed = get(ApplicationWithTestEndpoints.FAILING_PATH, "X-Request-Id", "router-4f2a-1c9e-77d0");
        assertThat(failed.headers().firstValue("X-Request-Id")).hasValue("router-4f2a-1c9e-77d0");
        assertThat(logLineOf("router-4f2a-1c9e-77d0").at("/log/level").stringValue(null)).isEqualTo("ERROR");
    }

    @Test
    void theSessionCookieIsSecureAndHostPrefixedEvenOverPlainHttp() throws Exception {
        // Behind a proxy that does not say the request came over HTTPS, the cookie must still never travel in clear.
        HttpResponse<String> login = get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("__Host-MPSESSION=")).findFirst().orElseThrow();
        // __Host-: browsers accept it only with Secure and Path=/ and without Domain, so no subdomain can set or read it.
        assertThat(cookie).contains("; Secure", "; HttpOnly", "; Path=/").containsIgnoringCase("SameSite=Lax")
                .doesNotContainIgnoringCase("Domain=");
        assertThat(login.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION="));
    }

    /**
     * A browser for the prod child over plain HTTP: its cookies are Secure, which java.net's cookie
     * handling would (rightly) not send back over http, so this one carries them itself.
     */
    private final class PlainHttpBrowser {
        final Map<String, String> cookies = new java.util.LinkedHashMap<>();

        HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            if (!cookies.isEmpty()) {
                request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
            }
            HttpResponse<String> response = http.send(request.header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
            for (String set : response.headers().allValues("Set-Cookie")) {
                String pair = set.split(";", 2)[0];
                cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            return response;
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            String token = csrf(path);
            return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8))));
        }

        String csrf(String path) throws Exception {
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                    .matcher(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))).body());
            assertThat(token.find()).as("a CSRF token on " + path).isTrue();
            return token.group(1);
        }
    }

    private static String newMemberForm(String username) {
        return "username=" + username + "&email=" + username + "%40example.com&password=a+sensible+passphrase+here&displayName=Prod+Member";
    }

    @Test
    void mailsCarryingSignInLinksAreNeitherLoggedNorKeptWithoutSmtp() throws Exception {
        String username = "prodmail" + System.nanoTime() % 1_000_000;
        HttpResponse<String> signup = new PlainHttpBrowser().post("/signup", newMemberForm(username));
        assertThat(signup.statusCode()).as(signup.body()).isEqualTo(302);
        new PlainHttpBrowser().post("/password/forgot", "email=" + username + "%40example.com");

        app.awaitLine(line -> line.contains("not sent: no SMTP server configured"), Duration.ofSeconds(10));
        assertThat(app.stdout()).noneMatch(line -> line.contains("/verify-email/") || line.contains("/password/reset/"));
        assertThat(get("/dev/outbox").statusCode()).as("no outbox in production, even from this machine").isEqualTo(404);
    }

    @Test
    void theRememberMeCookieIsSecureEvenOverPlainHttp() throws Exception {
        String username = "prodremember" + System.nanoTime() % 1_000_000;
        assertThat(new PlainHttpBrowser().post("/signup", newMemberForm(username)).statusCode()).isEqualTo(302);
        HttpResponse<String> login = new PlainHttpBrowser().post("/login",
                "username=" + username + "&password=a+sensible+passphrase+here&remember-me=on");
        assertThat(login.statusCode()).isEqualTo(302);
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("remember-me=")).findFirst().orElseThrow();
        assertThat(cookie).contains("; Secure", "; HttpOnly").containsIgnoringCase("SameSite=Lax");
    }
}
