package com.moviepeople.security;

import com.moviepeople.TestDatabase;
import com.moviepeople.accounts.AccountService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full HTTP through Tomcat, byte for byte: the session cookie's attributes (also behind a proxy
 * that says the original request was HTTPS), and malformed bytes on the wire that MockMvc cannot
 * send — invalid percent-encoding, invalid UTF-8, NUL bytes, a body beyond Tomcat's limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "moviepeople.demo-data=false")
class HttpLevelAttackIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    /** A raw request; returns the whole response (head and body) as ISO-8859-1 text. */
    private String raw(String head, byte[] body) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return response.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private String get(String path, String... headers) throws Exception {
        return raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + String.join("", headers.length == 0 ? List.of()
                : List.of(String.join("\r\n", headers) + "\r\n")) + "Connection: close\r\n\r\n", null);
    }

    private static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    private static String header(String response, String name) {
        Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ": ([^\r\n]*)").matcher(response.substring(0, response.indexOf("\r\n\r\n")));
        return m.find() ? m.group(1) : null;
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
        String response = get("/login");
        String cookie = header(response, "Set-Cookie");
        assertThat(cookie).startsWith("SESSION=").contains("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .doesNotContainIgnoringCase("Secure;").doesNotEndWith("Secure");
        assertThat(header(response, "Strict-Transport-Security")).isNull();
    }

    @Test
    void behindAnHttpsProxyTheCookieIsSecureAndHstsIsSent() throws Exception {
        // From loopback, an internal proxy for Tomcat's RemoteIpValve, X-Forwarded-Proto is trusted.
        String response = get("/login", "X-Forwarded-Proto: https", "X-Forwarded-For: 203.0.113.9");
        assertThat(header(response, "Set-Cookie")).contains("HttpOnly").containsIgnoringCase("Secure").containsIgnoringCase("SameSite=Lax");
        assertThat(header(response, "Strict-Transport-Security")).contains("max-age=");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/people/%C3%28", "/people/%FF%FE", "/people/%00", "/people/a%00b", "/people/%ZZ", "/people/%",
            "/posts/%ZZ", "/posts/%C0%AF", "/search?q=%FF%FE%00", "/search?q=%", "/login?error=%ZZ", "/privacy?q=%ZZ", "/people/..%2F..%2Fetc%2Fpasswd",
            "/messages/%2e%2e/feed", "/people/%E2%80%AE", "/%2F%2Fevil.example", "/people/" + "%41"})
    void malformedUrlsAreNeverA500(String path) throws Exception {
        String response = get(path);
        assertThat(status(response)).as(path).isLessThan(500);
        assertThat(response).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void aSignedInMembersPagesWithAMalformedQueryAreNeverA500() throws Exception {
        String password = "correct horse battery staple";
        var member = accounts.registerVerified("malformed" + System.nanoTime() % 1_000_000, "malformed" + System.nanoTime() + "@example.com",
                password, "Malformed Tester");
        String login = get("/login");
        String cookie = header(login, "Set-Cookie").split(";", 2)[0];
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        assertThat(token.find()).isTrue();
        byte[] form = ("username=" + member.username() + "&password=" + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + token.group(1)).getBytes(StandardCharsets.ISO_8859_1);
        String loggedIn = raw("POST /login HTTP/1.1\r\nHost: localhost\r\nCookie: " + cookie
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length
                + "\r\nConnection: close\r\n\r\n", form);
        assertThat(status(loggedIn)).isEqualTo(302);
        String session = header(loggedIn, "Set-Cookie") == null ? cookie : header(loggedIn, "Set-Cookie").split(";", 2)[0];
        for (String path : List.of("/privacy?q=%ZZ", "/feed?q=%C3%28&x=%ZZ", "/connections?q=%")) {
            String response = get(path, "Cookie: " + session);
            assertThat(status(response)).as(path).isLessThan(500);
            assertThat(response).as(path).doesNotContain("Exception").doesNotContain("at org.");
        }
        // The navigation is drawn for the member, its search box empty.
        assertThat(get("/privacy?q=%ZZ", "Cookie: " + session)).contains("data-nav=\"profile\"").contains("id=\"nav-search\"");
    }

    @Test
    void malformedFormBodiesAreNeverA500() throws Exception {
        for (String body : List.of("username=%FF%FE&password=%ZZ", "username=%00&password=%C3%28", "%%%&&&===", "username=a\u0000b")) {
            byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
            String response = raw("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                    + "Content-Length: " + bytes.length + "\r\nConnection: close\r\n\r\n", bytes);
            assertThat(status(response)).as(body).isLessThan(500);
        }
    }

    @Test
    void aBodyBeyondTomcatsLimitIsNeverA500() throws Exception {
        byte[] body = ("content=" + "x".repeat(3 * 1024 * 1024)).getBytes(StandardCharsets.US_ASCII);
        String response = raw("POST /posts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n", body);
        assertThat(status(response)).isLessThan(500);
    }
}
