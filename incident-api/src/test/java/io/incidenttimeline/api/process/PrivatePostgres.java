package io.incidenttimeline.api.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own (initdb and pg_ctl into a temporary directory, on a free port), so the test can
 * stop and start it without disturbing the shared server at 127.0.0.1:5432 that other tests use at the same time. As
 * root (CI), the server runs as the user postgres, since PostgreSQL refuses to run as root.
 */
final class PrivatePostgres implements AutoCloseable {

    private final Path binaries;
    private final Path directory;
    private final Path data;
    private final int port;

    private PrivatePostgres(Path binaries, Path directory, int port) {
        this.binaries = binaries;
        this.directory = directory;
        this.data = directory.resolve("data");
        this.port = port;
    }

    static PrivatePostgres create() {
        try {
            Path directory = Files.createTempDirectory("incident-private-postgres-");
            PrivatePostgres server = new PrivatePostgres(binaries(), directory, freePort());
            if (asRoot()) {
                run(List.of("chown", "postgres", directory.toString()));
            }
            server.pg("initdb", "-D", server.data.toString(), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                    "--no-sync");
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void start() {
        pg("pg_ctl", "-D", data.toString(), "-l", directory.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
    }

    /** Stops the server the hard way: every backend is killed at once and the next start recovers from the WAL. */
    void crash() {
        pg("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
    }

    /** Creates a database and returns the datasource properties naming it. */
    Map<String, String> createDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(url("postgres"), "postgres", "")) {
            connection.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create " + name, e);
        }
        return Map.of("spring.datasource.url", url(name), "spring.datasource.username", "postgres",
                "spring.datasource.password", "");
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() {
        try {
            pg("pg_ctl", "-D", data.toString(), "-m", "immediate", "-w", "stop");
        } catch (RuntimeException alreadyStopped) {
            // the directory goes anyway
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void pg(String program, String... arguments) {
        List<String> command = new ArrayList<>();
        if (asRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(binaries.resolve(program).toString());
        command.addAll(List.of(arguments));
        run(command);
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Debian's layout, /usr/lib/postgresql/<version>/bin, the newest version. */
    private static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                var found = versions.filter(v -> v.getFileName().toString().matches("\\d+"))
                        .filter(v -> Files.isExecutable(v.resolve("bin").resolve("pg_ctl")))
                        .max(Comparator.comparing(v -> Integer.parseInt(v.getFileName().toString())))
                        .map(v -> v.resolve("bin"));
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        throw new IllegalStateException("no PostgreSQL server binaries in /usr/lib/postgresql/<version>/bin: install "
                + "the Debian package postgresql (.ci/run does)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
