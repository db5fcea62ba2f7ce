package com.moviepeople.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code SIGTERM} does to a running MoviePeople (a deploy, {@code docker stop}, a Heroku
 * restart): a request in flight finishes with its whole body, a new connection is refused, and
 * the embedded PostgreSQL, when used, is shut down cleanly after the last request.
 *
 * <p>The application runs in a child JVM and is stopped with a real SIGTERM, not with
 * {@code context.close()} in this JVM, because what is tested is the JVM's shutdown: Spring's
 * shutdown hook runs there alongside every other hook (the embedded PostgreSQL library registers
 * its own), and those hooks run concurrently. It costs one application start: 12–15 s here.
 *
 * <p>"Cleanly" is read from PostgreSQL's control file ({@code global/pg_control}): its cluster
 * state is "shut down" only after a shutdown checkpoint, and stays "in production" after a crash,
 * a kill or an immediate stop, which the next start then has to recover from.
 */
class GracefulShutdownIntegrationTests {

    /** {@code DBState} in PostgreSQL's {@code pg_control.h}: DB_SHUTDOWNED. */
    private static final int CLUSTER_SHUT_DOWN = 1;
    /** The field's offset: after {@code uint64 system_identifier}, {@code uint32 pg_control_version} and {@code uint32 catalog_version_no}. */
    private static final int STATE_OFFSET = 16;

    @TempDir
    Path dataDir;

    @Test
    void onSigtermTheRequestInFlightFinishesNewOnesAreRefusedAndTheEmbeddedDatabaseStopsCleanly() throws Exception {
        try (ChildJvm app = ChildJvm.start(dataDir, Map.of(
                "MOVIEPEOPLE_DATA_DIR", dataDir.toString(), "MOVIEPEOPLE_DEMO_DATA", "false"))) {
            int port = app.awaitStarted();
            Path pgData = dataDir.resolve("pg");
            long postmaster = EmbeddedPostgresLauncher.postmasterPid(pgData).orElseThrow();
            assertThat(EmbeddedPostgresLauncher.isPostgresOn(postmaster, pgData)).isTrue();
            assertThat(clusterState(pgData)).as("a running cluster is not marked shut down").isNotEqualTo(CLUSTER_SHUT_DOWN);

            CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient().sendAsync(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + ApplicationWithTestEndpoints.SLOW_PATH))
                            .timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            app.awaitLine(ApplicationWithTestEndpoints.SLOW_STARTED, Duration.ofSeconds(20));

            app.terminate();
            app.awaitLine("Commencing graceful shutdown", Duration.ofSeconds(10));
            // Tomcat closes its server socket right after saying so.
            Thread.sleep(100);
            assertThat(newRequest(port)).as("a request made after shutdown began").isIn("refused", "503");

            HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as("the request in flight when shutdown began").isEqualTo(200);
            assertThat(response.body()).hasSize(ApplicationWithTestEndpoints.SLOW_BODY_LENGTH)
                    .startsWith("migrations=").endsWith(ApplicationWithTestEndpoints.SLOW_BODY_END);

            app.awaitExit(Duration.ofSeconds(40));
            assertThat(app.stdout()).anyMatch(line -> line.contains("Graceful shutdown complete"));
            assertThat(EmbeddedPostgresLauncher.isPostgresOn(postmaster, pgData)).as("postgres stopped with the app").isFalse();
            assertThat(pgData.resolve("postmaster.pid")).doesNotExist();
            assertThat(clusterState(pgData)).as("pg_control: cluster state after the app stopped").isEqualTo(CLUSTER_SHUT_DOWN);
        }
    }

    /** "refused" when no connection can be made, else the status code the server answered, or "closed". */
    private static String newRequest(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 2000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /actuator/health/liveness HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
            return head.startsWith("HTTP/1.1 ") ? head.substring(9, 12) : "closed";
        } catch (ConnectException e) {
            return "refused";
        }
    }

    private static int clusterState(Path pgData) throws IOException {
        byte[] control = Files.readAllBytes(pgData.resolve("global/pg_control"));
        return ByteBuffer.wrap(control).order(ByteOrder.nativeOrder()).getInt(STATE_OFFSET);
    }
}
