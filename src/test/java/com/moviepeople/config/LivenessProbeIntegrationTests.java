package com.moviepeople.config;

import com.moviepeople.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The liveness probe over real HTTP: answered first of all filters ({@link LivenessProbe}) with what
 * Actuator answers, following Boot's liveness state, with a length instead of a chunked body and the
 * security headers; other methods still go the usual way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "moviepeople.demo-data=false")
class LivenessProbeIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> send(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Cookie", "SESSION=bm90LWEtc2Vzc2lvbg")
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersUpFirstOfAllFiltersWithActuatorsBodyAndTheSecurityHeaders() throws Exception {
        HttpResponse<String> answer = send("GET", LivenessProbe.PATH);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(answer.headers().firstValue("Content-Type")).hasValue(LivenessProbe.MEDIA_TYPE);
        assertThat(answer.headers().firstValue("Content-Length")).hasValue("15");
        assertThat(answer.headers().firstValue("Transfer-Encoding")).isEmpty();
        assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(answer.headers().firstValue("Content-Security-Policy")).hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(answer.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        // Before the request-id filter, the session filters and the dispatcher: none of them ran.
        assertThat(answer.headers().firstValue(RequestIdFilter.HEADER)).isEmpty();
        assertThat(answer.headers().firstValue("Set-Cookie")).isEmpty();

        HttpResponse<String> head = send("HEAD", LivenessProbe.PATH);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void followsBootsLivenessStateLikeActuator() throws Exception {
        AvailabilityChangeEvent.publish(context, LivenessState.BROKEN);
        try {
            HttpResponse<String> broken = send("GET", LivenessProbe.PATH);
            assertThat(broken.statusCode()).isEqualTo(503);
            assertThat(broken.body()).isEqualTo("{\"status\":\"DOWN\"}");
        } finally {
            AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
        }
        assertThat(send("GET", LivenessProbe.PATH).statusCode()).isEqualTo(200);
    }

    @Test
    void otherMethodsAndOtherAddressesGoTheUsualWay() throws Exception {
        // Actuator's endpoint is read-only: a POST is refused there (and by CSRF), never answered "UP".
        HttpResponse<String> post = send("POST", LivenessProbe.PATH);
        assertThat(post.statusCode()).isNotEqualTo(200);
        assertThat(post.body()).doesNotContain("\"UP\"");
        // Readiness asks the database, through Actuator.
        HttpResponse<String> readiness = send("GET", "/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.headers().firstValue(RequestIdFilter.HEADER)).isPresent();
    }
}
