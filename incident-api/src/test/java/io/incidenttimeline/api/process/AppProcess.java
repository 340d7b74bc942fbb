package io.incidenttimeline.api.process;

import io.incidenttimeline.api.support.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged application in a JVM of its own ({@code java -jar}), as it runs in production: started, asked over
 * HTTP, stopped gracefully (SIGTERM) or killed (SIGKILL). It reads the integration tests' configuration (profile
 * {@code it}: the tokens of {@link ApiClient}) plus the properties given; its output goes to
 * {@code target/process-it/<name>.log}.
 */
final class AppProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path log;
    private final List<String> command;
    private Process process;

    private AppProcess(String name, int port, Path log, List<String> command) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.command = command;
    }

    /** Starts the jar on a free port; {@link #awaitHealthy()} waits until it answers. */
    static AppProcess start(String name, Path dataDir, Map<String, String> properties) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar().toString(),
                "--server.port=" + port, "--spring.profiles.active=it",
                "--spring.config.additional-location=optional:file:" + testClasses() + "/",
                "--incident.data-dir=" + dataDir));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        String extra = System.getProperty("incident.test.app-args", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        Path log = Path.of("target", "process-it", name + ".log").toAbsolutePath();
        AppProcess app = new AppProcess(name, port, log, command);
        app.launch();
        return app;
    }

    /** Starts the same application again (same port, data directory and database) after it stopped or was killed. */
    AppProcess restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch();
        return this;
    }

    private void launch() {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "---- " + String.join(" ", command) + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(command).directory(Files.createTempDirectory("incident-process-").toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    AppProcess awaitHealthy() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " while starting:\n" + logTail());
            }
            if (healthy()) {
                return this;
            }
            pause(Duration.ofMillis(250));
        }
        throw new AssertionError(name + " did not answer within " + START_TIMEOUT + ":\n" + logTail());
    }

    private boolean healthy() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    ApiClient api() {
        return ApiClient.onPort(port);
    }

    String name() {
        return name;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** kill -9: the JVM gets no chance to finish requests, commit, release claims or say goodbye. */
    void kill() {
        process.destroyForcibly();
        waitFor();
    }

    /** A graceful stop (SIGTERM): Spring closes the context, processors release their claims. */
    void stop() {
        process.destroy();
        waitFor();
    }

    private void waitFor() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (alive()) {
            kill();
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The packaged jar: set by the failsafe configuration, or the one {@code mvn package} left in target. */
    private static Path jar() {
        String configured = System.getProperty("incident.test.jar");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("incident-api-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-plain.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no packaged jar in target: run mvn package first"))
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path testClasses() {
        return Path.of(System.getProperty("incident.test.classes", "target/test-classes")).toAbsolutePath();
    }
}
