package com.moviepeople.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URLEncoder;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code SIGTERM} does to a running MoviePeople (a deploy, {@code docker stop}, a Heroku
 * restart): a request in flight finishes with its whole body, a new connection is refused, and
 * the embedded PostgreSQL, when used, is shut down cleanly after the last request.
 *
 * <p>The application runs in a child JVM and is stopped with a real SIGTERM, not with
 * {@code context.close()} in this JVM, because what is tested is the JVM's shutdown: Spring's
 * shutdown hook runs there alongside every other hook (the embedded PostgreSQL library registers
 * its own), and those hooks run concurrently. Each test costs one application start: 12–15 s here
 * (24–33 s per test on a loaded 2-core machine).
 *
 * <p>"Cleanly" is read from PostgreSQL's control file ({@code global/pg_control}): its cluster
 * state is "shut down" only after a shutdown checkpoint, and stays "in production" after a crash,
 * a kill or an immediate stop, which the next start then has to recover from.
 *
 * <p>Requests whose body is still arriving (a slow upload) are sent over raw sockets: the headers
 * before the signal, the body 1.5 s after it.
 */
class GracefulShutdownIntegrationTests {

    /** {@code DBState} in PostgreSQL's {@code pg_control.h}: DB_SHUTDOWNED. */
    private static final int CLUSTER_SHUT_DOWN = 1;
    /** The field's offset: after {@code uint64 system_identifier}, {@code uint32 pg_control_version} and {@code uint32 catalog_version_no}. */
    private static final int STATE_OFFSET = 16;

    private static final Pattern SESSION_COOKIE = Pattern.compile("(?i)^Set-Cookie: (SESSION=[^;]+)", Pattern.MULTILINE);
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)^Content-Length: (\\d+)", Pattern.MULTILINE);

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

    /**
     * On an external database, which outlives the app as a managed PostgreSQL does (issue 16,
     * item 4). A login form whose body arrives 1.5 s after the signal is read in a filter and
     * answered in full. A form answered before its body was read (a logout whose CSRF token travels
     * in a header, as htmx sends it; an upload refused early will be the same) has the rest of its
     * body read and discarded by Tomcat after the servlet is done; its answer arrives in full and the
     * connection then ends cleanly, not with a reset.
     */
    @Test
    void onSigtermFormsWhoseBodyIsStillArrivingAreAnsweredInFull() throws Exception {
        try (EmbeddedPostgres database = EmbeddedPostgres.builder().start();
             ChildJvm app = ChildJvm.start(dataDir, Map.of(
                     "SPRING_DATASOURCE_URL", database.getJdbcUrl("postgres", "postgres"),
                     "SPRING_DATASOURCE_USERNAME", "postgres", "SPRING_DATASOURCE_PASSWORD", ""))) {
            int port = app.awaitStarted();
            String[] loginSession = loginPageSession(port);
            String login = "username=nobody&password=wrong-password&_csrf=" + URLEncoder.encode(loginSession[1], StandardCharsets.UTF_8);
            String[] logoutSession = loginPageSession(port);
            String upload = "bio=" + "x".repeat(64 * 1024);

            try (Socket loginForm = postHeaders(port, "/login", "Cookie: " + loginSession[0] + "\r\n", login.length());
                 Socket logoutForm = postHeaders(port, "/logout",
                         "Cookie: " + logoutSession[0] + "\r\nX-CSRF-TOKEN: " + logoutSession[1] + "\r\n", upload.length())) {
                long signalled = System.nanoTime();
                app.terminate();
                app.awaitLine("Commencing graceful shutdown", Duration.ofSeconds(10));
                Thread.sleep(100);
                assertThat(newRequest(port)).as("a request made after shutdown began").isIn("refused", "503");

                Thread.sleep(Math.max(0, 1500 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled)));
                send(loginForm, login);
                send(logoutForm, upload);

                assertThat(responseThenEnd(loginForm)).as("the login form whose body came after the signal")
                        .startsWith("HTTP/1.1 302 ").contains("Location: http://localhost/login?error");
                assertThat(responseThenEnd(logoutForm)).as("the form answered before its body was read")
                        .startsWith("HTTP/1.1 302 ").contains("Location: http://localhost/login?logout");
            }
            app.awaitExit(Duration.ofSeconds(40));
            assertThat(app.stdout()).anyMatch(line -> line.contains("Graceful shutdown complete"));
        }
    }

    /** A session cookie and its CSRF token, as a browser has them after opening the login page. */
    private static String[] loginPageSession(int port) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write("GET /login HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            String page = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Matcher cookie = SESSION_COOKIE.matcher(page);
            Matcher token = CSRF_FIELD.matcher(page);
            assertThat(cookie.find() && token.find()).as("session cookie and CSRF token in\n" + page).isTrue();
            return new String[] {cookie.group(1), token.group(1)};
        }
    }

    private static Socket postHeaders(int port, String path, String headers, int contentLength) throws IOException {
        Socket socket = new Socket("localhost", port);
        socket.setSoTimeout(30_000);
        send(socket, "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n" + headers
                + "Content-Length: " + contentLength + "\r\nConnection: close\r\n\r\n");
        return socket;
    }

    private static void send(Socket socket, String data) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(data.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /**
     * The response's head and whole body (by its Content-Length), then the end of the connection.
     * A connection closed or reset before that fails with what had arrived.
     */
    private static String responseThenEnd(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try {
            String head;
            do {
                int b = in.read();
                if (b == -1) {
                    throw new AssertionError("Connection closed before a whole response head: " + received);
                }
                received.write(b);
                head = received.toString(StandardCharsets.ISO_8859_1);
            } while (!head.endsWith("\r\n\r\n"));
            Matcher length = CONTENT_LENGTH.matcher(head);
            assertThat(length.find()).as("a Content-Length in\n" + head).isTrue();
            byte[] body = in.readNBytes(Integer.parseInt(length.group(1)));
            received.write(body);
            assertThat(body).as("the whole body of\n" + head).hasSize(Integer.parseInt(length.group(1)));
            assertThat(in.read()).as("the connection ends cleanly after\n" + head).isEqualTo(-1);
            return received.toString(StandardCharsets.ISO_8859_1);
        } catch (SocketException e) {
            throw new AssertionError("Connection reset after receiving: [" + received.toString(StandardCharsets.ISO_8859_1) + "]", e);
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
