package com.moviepeople.config;

import com.moviepeople.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Static files over real HTTP (Tomcat's compression is not in MockMvc): versioned addresses in the
 * pages, a year of immutable caching, gzip for clients that accept it, and a wrong version refused.
 * Also robots.txt.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "moviepeople.demo-data=false")
class StaticFilesIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String path, boolean gzip) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String linked(String html, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(html);
        assertThat(m.find()).as("a link matching " + pattern).isTrue();
        return m.group();
    }

    @Test
    void pagesLinkVersionedFilesThatAreCachedForAYearAndCompressed() throws Exception {
        String html = new String(get("/", false).body());
        String css = linked(html, "/webjars/bootstrap/[0-9.]+/css/bootstrap\\.min-[0-9a-f]{32}\\.css");
        String app = linked(html, "/css/app-[0-9a-f]{32}\\.css");
        String script = linked(html, "/js/app-[0-9a-f]{32}\\.js");
        assertThat(html).doesNotContain("href=\"/css/app.css\"").doesNotContain("src=\"/js/app.js\"");

        for (String path : new String[] {css, app, script}) {
            HttpResponse<byte[]> plain = get(path, false);
            HttpResponse<byte[]> gzipped = get(path, true);
            assertThat(plain.statusCode()).as(path).isEqualTo(200);
            assertThat(gzipped.statusCode()).as(path).isEqualTo(200);
            assertThat(gzipped.headers().firstValue("Cache-Control")).as(path)
                    .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000", "public", "immutable").doesNotContain("no-store"));
            assertThat(gzipped.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
            assertThat(plain.headers().firstValue("Content-Encoding")).as(path).isEmpty();
            assertThat(gzipped.body().length).as(path).isLessThan(plain.body().length / 2);
            assertThat(gzipped.headers().firstValue("Set-Cookie")).as(path).isEmpty();
        }
        // Bootstrap's stylesheet: about 232 KB as it is, a fraction of that compressed.
        assertThat(get(css, true).body().length).isLessThan(40_000);
        // A version that is not the file's content is not served.
        assertThat(get(app.replaceFirst("-[0-9a-f]{32}", "-0123456789abcdef0123456789abcdef"), false).statusCode()).isEqualTo(404);
    }

    @Test
    void robotsTxtLetsSearchEnginesIndexPublicPagesButNotTheLoginOrFiles() throws Exception {
        HttpResponse<byte[]> robots = get("/robots.txt", false);
        assertThat(robots.statusCode()).isEqualTo(200);
        String text = new String(robots.body());
        assertThat(text).contains("User-agent: *").contains("Allow: /").contains("Disallow: /login")
                .contains("Disallow: /media/").doesNotContain("Disallow: /people").doesNotContain("Disallow: /productions");
        assertThat(robots.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void publicPagesSeenByVisitorsMayBeRevalidatedButNeverStored() throws Exception {
        HttpResponse<byte[]> landing = get("/", false);
        assertThat(landing.headers().firstValue("Cache-Control")).hasValue("no-cache");
        // A page that needs the login keeps no-store (here: the redirect to the login page).
        assertThat(get("/feed", false).headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(get("/login", false).headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    }
}
