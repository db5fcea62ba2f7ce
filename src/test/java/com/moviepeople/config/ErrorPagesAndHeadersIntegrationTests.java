package com.moviepeople.config;

import com.moviepeople.TestDatabase;
import org.apache.catalina.core.StandardContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Full HTTP through Tomcat: what a browser really receives on errors, the security headers, and how a page is sent. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "moviepeople.demo-data=false")
@Import(ErrorPagesAndHeadersIntegrationTests.Failing.class)
class ErrorPagesAndHeadersIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
    }

    /** A page that fails with a secret in the exception, as a bug would. */
    @TestConfiguration
    @RestController
    static class Failing {
        @GetMapping("/people/test-too-many")
        String tooMany() {
            throw new com.moviepeople.shared.RateLimitExceededException();
        }

        @GetMapping("/people/test-database-down")
        String databaseDown() {
            throw new org.springframework.transaction.CannotCreateTransactionException("Could not open JDBC Connection: SECRET-HOST");
        }

        /** 60,000 characters written as a view writes them, without a length. */
        @GetMapping("/people/test-large")
        void large(jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("x".repeat(60_000));
        }

        /** A page that reads a parameter, as every search and list does. */
        @GetMapping("/people/test-parameter")
        String parameter(@org.springframework.web.bind.annotation.RequestParam(required = false) String q) {
            return "q=" + q;
        }

        @GetMapping("/people/test-failure")
        String fail() {
            throw new IllegalStateException("SECRET-DETAIL jdbc:postgresql://internal");
        }
    }

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    com.moviepeople.accounts.AccountService accounts;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET exactly {@code target} (java.net.URI refuses a broken escape), the whole response as text. */
    private String rawGet(String target) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private HttpResponse<String> getJson(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<?> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';'))).findFirst().orElse(null);
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void anAddressWithABrokenEscapeGetsA400PageThatSaysSoAndNoErrorInTheLog(org.springframework.boot.test.system.CapturedOutput log)
            throws Exception {
        // Tomcat cannot decode "%ZZ" (nor "%C3%28", not UTF-8): the visitor's address is wrong, not the app.
        for (String query : java.util.List.of("q=%ZZ", "q=%C3%28", "q=ok&x=%")) {
            String response = rawGet("/people/test-parameter?" + query);
            assertThat(response).as(query).startsWith("HTTP/1.1 400 ").contains("data-malformed-address")
                    .contains("This address could not be read").doesNotContain("InvalidParameterException");
        }
        assertThat(rawGet("/people/test-parameter?q=%41")).as("a valid escape still decodes").startsWith("HTTP/1.1 200 ").endsWith("q=A");
        assertThat(log.getAll()).doesNotContain("InvalidParameterException").doesNotContain("Character decoding failed");
    }

    @Test
    void aPageLargerThanTomcatsDefaultBufferGoesOutWholeWithItsLength() throws Exception {
        // ResponseBufferFilter: with Tomcat's 8 KiB buffer this page would be sent in 8 KiB chunks
        // (Transfer-Encoding: chunked), one socket write each.
        HttpResponse<String> page = get("/people/test-large");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).hasSize(60_000);
        assertThat(page.headers().firstValue("Content-Length")).hasValue("60000");
        assertThat(page.headers().firstValue("Transfer-Encoding")).isEmpty();
    }

    @Test
    void loginGivesANewSessionId() throws Exception {
        HttpResponse<String> form = get("/login");
        String before = cookie(form, "SESSION");
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(before).isNotNull();
        assertThat(token.find()).isTrue();
        String username = "fixation-" + System.nanoTime() % 100000;
        accounts.registerVerified(username, username + "@example.com", "a sensible passphrase", "Fixation");
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "SESSION=" + before)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=a+sensible+passphrase&_csrf="
                        + java.net.URLEncoder.encode(token.group(1), java.nio.charset.StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/feed"));
        String after = cookie(login, "SESSION");
        assertThat(after).isNotNull().isNotEqualTo(before);
    }

    private HttpResponse<String> postForm(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unknownProfileGetsTheFriendly404Page() throws Exception {
        HttpResponse<String> response = get("/people/nobody-here");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("data-error-status=\"404\"", "We couldn’t find that page")
                .doesNotContain("Exception", "Whitelabel", "trace");
    }

    @Test
    void failuresGetThe500PageWithoutExceptionText() throws Exception {
        HttpResponse<String> response = get("/people/test-failure");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("data-error-status=\"500\"", "Something went wrong on our side")
                .doesNotContain("SECRET-DETAIL", "IllegalStateException", "at com.moviepeople", "jdbc:");
    }

    @Test
    void postWithoutCsrfGetsThe403Page() throws Exception {
        HttpResponse<String> response = postForm("/signup", "username=nocsrf&email=a@b.cd&password=0123456789&displayName=x");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("data-error-status=\"403\"").doesNotContain("Exception", "CSRF token");
    }

    @Test
    void tooManyRequestsGetTheFriendly429Page() throws Exception {
        HttpResponse<String> response = get("/people/test-too-many");
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.body()).contains("data-error-status=\"429\"", "Nothing was saved");
    }

    @Test
    void anUnreachableDatabaseGetsTheFriendly503Page() throws Exception {
        HttpResponse<String> response = get("/people/test-database-down");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("data-error-status=\"503\"", "back in a moment").doesNotContain("SECRET-HOST", "JDBC");
    }

    @Test
    void everyResponseCarriesARequestId() throws Exception {
        assertThat(get("/").headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).hasSizeGreaterThanOrEqualTo(8));
        HttpResponse<String> traced = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("X-Request-Id", "proxy-abc-12345").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(traced.headers().firstValue("X-Request-Id")).hasValue("proxy-abc-12345");
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("X-Request-Id", "<script>bad id</script>").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.headers().firstValue("X-Request-Id")).hasValueSatisfying(id -> assertThat(id).doesNotContain("<"));
    }

    @Test
    void tomcatTellsTheRequestIdFilterWhenARequestIsCompletelyDone(@Autowired WebServerApplicationContext context) {
        // RequestIdFilter clears the id of a failed request only when Tomcat calls requestDestroyed.
        StandardContext webapp = (StandardContext) ((TomcatWebServer) context.getWebServer()).getTomcat().getHost().findChildren()[0];
        assertThat(webapp.getApplicationEventListeners()).contains(context.getBean(RequestIdFilter.class));
    }

    @Test
    void pagesCarryTheSecurityHeaders() throws Exception {
        HttpResponse<String> response = get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(response.headers().firstValue("Permissions-Policy")).hasValueSatisfying(p -> assertThat(p).contains("camera=()"));
        String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(response.body()).doesNotContain("style=\"", "<script>", "onclick=");
    }

    @Test
    void frontEndAssetsComeFromWebJars() throws Exception {
        assertThat(get("/webjars/bootstrap/css/bootstrap.min.css").statusCode()).isEqualTo(200);
        assertThat(get("/webjars/bootstrap/js/bootstrap.bundle.min.js").statusCode()).isEqualTo(200);
        assertThat(get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
        assertThat(get("/").body()).doesNotContain("cdn.", "https://unpkg");
    }

    @Test
    void theDockerHealthcheckProbesAPublicEndpointThatAnswersUp() throws Exception {
        HttpResponse<String> probe = getJson(DockerfileTests.healthcheckPath());
        assertThat(probe.statusCode()).isEqualTo(200);
        assertThat(probe.body()).contains("\"UP\"");
    }

    @Test
    void onlyTheHealthProbesOfActuatorArePublic() throws Exception {
        assertThat(getJson("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(getJson("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(getJson("/actuator/health/readiness").body()).contains("UP").doesNotContain("details");
        assertThat(getJson("/actuator/env").statusCode()).isNotEqualTo(200);
        assertThat(get("/actuator/env").statusCode()).isNotEqualTo(200);
        assertThat(get("/actuator/beans").statusCode()).isNotEqualTo(200);
    }
}
