package com.moviepeople.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link ApplicationWithTestEndpoints} in its own JVM, configured only through environment
 * variables as a platform would, with its stdout and stderr read line by line. Stopping it
 * sends SIGTERM, as Heroku, Docker and Kubernetes do.
 */
final class ChildJvm implements AutoCloseable {

    private static final Pattern TOMCAT_PORT = Pattern.compile("Tomcat started on port (\\d+)");

    private final Process process;
    private final List<String> stdout = new ArrayList<>();
    private final List<String> stderr = new ArrayList<>();

    private ChildJvm(Process process) {
        this.process = process;
        drain(process.getInputStream(), stdout, "child-stdout");
        drain(process.getErrorStream(), stderr, "child-stderr");
    }

    /** Starts the application in {@code workingDirectory} with these environment variables (and {@code PORT=0}). */
    static ChildJvm start(Path workingDirectory, Map<String, String> environment) throws IOException {
        return run(workingDirectory, environment, ApplicationWithTestEndpoints.class.getName());
    }

    /** Runs {@code mainClass} with {@code args} from the test classpath, as {@code java -jar} runs the application. */
    static ChildJvm run(Path workingDirectory, Map<String, String> environment, String mainClass, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // C1 only and a small heap: the child starts in a few seconds on a 2-core machine.
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-Xmx384m",
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_") || name.startsWith("MOVIEPEOPLE_")
                || name.equals("DATABASE_URL") || name.equals("PORT") || name.startsWith("JAVA_TOOL_OPTIONS"));
        builder.environment().put("PORT", "0");
        builder.environment().putAll(environment);
        return new ChildJvm(builder.start());
    }

    private static void drain(InputStream stream, List<String> lines, String name) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                        lines.notifyAll();
                    }
                }
            } catch (IOException e) {
                // the child is gone
            }
        }, name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits for a stdout line matching {@code condition} and returns it. */
    String awaitLine(Predicate<String> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (stdout) {
            int checked = 0;
            while (true) {
                for (; checked < stdout.size(); checked++) {
                    if (condition.test(stdout.get(checked))) {
                        return stdout.get(checked);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && checked == stdout.size())) {
                    throw new AssertionError("No such line within " + timeout + " (alive: " + process.isAlive() + ")\n" + output());
                }
                stdout.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
            }
        }
    }

    String awaitLine(String fragment, Duration timeout) throws InterruptedException {
        return awaitLine(line -> line.contains(fragment), timeout);
    }

    /** Waits until the application has started and returns its HTTP port. */
    int awaitStarted() throws InterruptedException {
        awaitLine(line -> line.contains("Started ApplicationWithTestEndpoints"), Duration.ofSeconds(120));
        Matcher port = TOMCAT_PORT.matcher(awaitLine(line -> TOMCAT_PORT.matcher(line).find(), Duration.ZERO));
        port.find();
        return Integer.parseInt(port.group(1));
    }

    List<String> stdout() {
        synchronized (stdout) {
            return List.copyOf(stdout);
        }
    }

    /** Sends SIGTERM: the JVM runs its shutdown hooks, as on {@code docker stop} or a Heroku restart. */
    void terminate() {
        // ProcessHandle, not Process.destroy(): that also closes our end of the child's stdout,
        // and everything the child logs while shutting down would be lost.
        process.toHandle().destroy();
    }

    /** Waits for the process to end and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("The application did not exit within " + timeout + "\n" + output());
        }
        return process.exitValue();
    }

    /** Both streams, for failure messages. */
    String output() {
        StringBuilder out = new StringBuilder("--- child stdout ---\n");
        synchronized (stdout) {
            stdout.forEach(line -> out.append(line).append('\n'));
        }
        out.append("--- child stderr ---\n");
        synchronized (stderr) {
            stderr.forEach(line -> out.append(line).append('\n'));
        }
        return out.toString();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
