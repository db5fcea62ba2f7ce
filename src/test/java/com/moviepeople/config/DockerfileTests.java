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

    private static final Pattern IMAGE_JVM_OPTIONS = Pattern.compile("(?m)^\\s*JAVA_TOOL_OPTIONS=\"([^\"]*)\"");

    private static final Pattern BENCHMARK_JVM_OPTIONS = Pattern.compile("(?m)^JAVA_OPTS=\\$\\{JAVA_OPTS:-([^}]*)}$");

    /** The JVM options the image sets (its {@code JAVA_TOOL_OPTIONS}), one per element. */
    static List<String> imageJvmOptions() throws IOException {
        Matcher options = IMAGE_JVM_OPTIONS.matcher(String.join("\n", lines()));
        assertThat(options.find()).as("ENV … JAVA_TOOL_OPTIONS=\"…\" in the Dockerfile").isTrue();
        return List.of(options.group(1).trim().split("\\s+"));
    }

    @Test
    void theImageRunsTheParallelCollectorAndBenchSideBySideMeasuresTheSame() throws IOException {
        // The figures in docs/benchmarks.md are the deployed configuration's: the side-by-side
        // benchmark starts the jar with the image's collector, not the JVM's default (G1 on 2 cores).
        assertThat(imageJvmOptions()).contains("-XX:+UseParallelGC", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError");
        Matcher bench = BENCHMARK_JVM_OPTIONS.matcher(Files.readString(Path.of("bench/side-by-side")));
        assertThat(bench.find()).as("JAVA_OPTS=${JAVA_OPTS:-…} in bench/side-by-side").isTrue();
        assertThat(List.of(bench.group(1).trim().split("\\s+"))).contains("-XX:+UseParallelGC");
    }

    @Test
    void thisJavaStartsWithTheImagesOptionsAndSelectsTheParallelCollector() throws Exception {
        // A misspelt -XX option stops the JVM before the application starts: the container would never come up.
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(imageJvmOptions());
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        Process jvm = builder.start();
        String output = new String(jvm.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(jvm.waitFor()).as(output).isZero();
        assertThat(output).containsPattern("(?m)^\\s*bool UseParallelGC\\s+= true\\b")
                .containsPattern("(?m)^\\s*bool UseG1GC\\s+= false\\b");
    }
}
