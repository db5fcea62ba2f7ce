package com.moviepeople;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.net.ServerSocket;

/**
 * A real SMTP server in the test (GreenMail) on a free port, and the app's mail settings pointing at
 * it: {@code @RegisterExtension static GreenMailExtension mail = TestSmtp.server(PORT)} and
 * {@code TestSmtp.register(registry, PORT)} in a {@code @DynamicPropertySource}.
 */
public final class TestSmtp {

    /** One port for the whole run: test classes with the same settings share one application context. */
    public static final int PORT = freePort();

    private TestSmtp() {
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static GreenMailExtension server(int port) {
        return new GreenMailExtension(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }

    /** SMTP on {@code port}; mailed links start with http://localhost:8080. */
    public static void register(DynamicPropertyRegistry registry, int port) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> port);
        registry.add("moviepeople.base-url", () -> "http://localhost:8080");
    }
}
