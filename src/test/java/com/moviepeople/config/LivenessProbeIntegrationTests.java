package com.moviepeople.config;

import com.moviepeople.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
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
 * The liveness probe through Tomcat and every filter: Actuator's answer for the same state, with the
 * page's security headers, no session, and sent whole with its length (not chunked in two writes).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "moviepeople.demo-data=false")
class LivenessProbeIntegrationTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", TestDatabase::jdbcUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    HealthEndpoint actuator;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> probe(String method, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + LivenessProbe.PATH))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersUpInOnePieceWithThePagesSecurityHeadersAndNoSession() throws Exception {
        HttpResponse<String> up = probe("GET", null);

        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(up.headers().firstValue("Content-Type")).hasValue(LivenessProbe.ACTUATOR_V3_JSON);
        // Actuator's endpoint flushed after Jackson wrote: chunked, two socket writes per probe.
        assertThat(up.headers().firstValue("Content-Length")).hasValue("15");
        assertThat(up.headers().firstValue("Transfer-Encoding")).isEmpty();
        assertThat(up.headers().firstValue("Content-Security-Policy")).hasValue(SecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(up.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(up.headers().firstValue("X-Request-Id")).isPresent();
        assertThat(up.headers().allValues("Set-Cookie")).isEmpty();
    }

    @Test
    void negotiatesTheContentTypeAsActuatorDoes() throws Exception {
        assertThat(probe("GET", "*/*").headers().firstValue("Content-Type")).hasValue(LivenessProbe.ACTUATOR_V3_JSON);
        assertThat(probe("GET", "application/json").headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(probe("GET", "application/json").body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(probe("GET", LivenessProbe.ACTUATOR_V3_JSON + ", application/json").headers().firstValue("Content-Type"))
                .hasValue(LivenessProbe.ACTUATOR_V3_JSON);
        assertThat(probe("GET", "text/html").statusCode()).isEqualTo(406);

        HttpResponse<String> head = probe("HEAD", null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();

        assertThat(probe("DELETE", null).statusCode()).isEqualTo(403); // CSRF refuses it before any handler
    }

    @Test
    void reportsWhatActuatorsLivenessGroupReportsWhenTheApplicationIsBroken() throws Exception {
        try {
            AvailabilityChangeEvent.publish(context, LivenessState.BROKEN);
            HttpResponse<String> down = probe("GET", null);

            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).isEqualTo("{\"status\":\"DOWN\"}");
            assertThat(actuator.healthForPath("liveness").getStatus().getCode()).isEqualTo("DOWN");
        } finally {
            AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
        }
        assertThat(probe("GET", null).statusCode()).isEqualTo(200);
        assertThat(actuator.healthForPath("liveness").getStatus().getCode()).isEqualTo("UP");
    }
}
