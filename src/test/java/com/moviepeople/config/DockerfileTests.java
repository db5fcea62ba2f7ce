package com.moviepeople.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What can be checked of the Dockerfile without Docker (no daemon on the build machines): the
 * facts a container platform relies on. That the HEALTHCHECK's endpoint is public and up is
 * checked over HTTP in {@link ErrorPagesAndHeadersIntegrationTests}; a replay of the build and
 * run steps is recorded in docs/deploy.md.
 */
class DockerfileTests {

    private static final Pattern HEALTHCHECK_URL = Pattern.compile("(?m)^\\s*CMD curl -fsS \"http://localhost:\\$\\{PORT:-8080}(/[^\"]+)\" \\|\\| exit 1$");

    static List<String> lines() throws IOException {
        return Files.readAllLines(Path.of("Dockerfile"));
    }

    /** The path the container's HEALTHCHECK probes. */
    static String healthcheckPath() throws IOException {
        Matcher url = HEALTHCHECK_URL.matcher(String.join("\n", lines()));
        assertThat(url.find()).as("HEALTHCHECK CMD curl -fsS \"http://localhost:${PORT:-8080}/…\" || exit 1").isTrue();
        return url.group(1);
    }

    @Test
    void runsAsANumericNonRootUser() throws IOException {
        // Kubernetes' runAsNonRoot can only verify a numeric user.
        List<String> users = lines().stream().filter(line -> line.startsWith("USER ")).toList();
        assertThat(users).hasSize(1);
        assertThat(users.get(0)).matches("USER [1-9][0-9]*:[1-9][0-9]*");
    }

    @Test
    void javaIsProcessOneSoItReceivesSigterm() throws IOException {
        // A shell-form ENTRYPOINT would make /bin/sh PID 1, which does not pass SIGTERM on: no graceful shutdown.
        assertThat(lines()).filteredOn(line -> line.startsWith("ENTRYPOINT "))
                .containsExactly("ENTRYPOINT [\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]");
    }

    @Test
    void theHealthcheckProbesLivenessWhichDoesNotDependOnTheDatabase() throws IOException {
        assertThat(healthcheckPath()).isEqualTo("/actuator/health/liveness");
    }
}
