package io.incidenttimeline.api.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * Where the shared integration tests keep their event store: an H2 file by default, or, when the Maven profile
 * {@code postgres} sets {@code incident.test.database=postgresql}, a database of their own created in the PostgreSQL
 * server at 127.0.0.1:5432 and dropped when the test JVM ends.
 */
public final class TestDatabase {

    static final String SELECTOR = "incident.test.database";
    private static final String SERVER = System.getProperty("incident.test.postgres-url", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getProperty("incident.test.postgres-user", "postgres");

    private TestDatabase() {
    }

    public static boolean postgres() {
        return "postgresql".equals(System.getProperty(SELECTOR));
    }

    /** The embedded default's URL for a data directory (set here because dynamic properties come too late for it). */
    static Map<String, String> h2In(java.nio.file.Path dataDir) {
        return Map.of("spring.datasource.url",
                "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("incident-timeline") + ";DB_CLOSE_ON_EXIT=FALSE");
    }

    /** Creates a fresh PostgreSQL database and returns the datasource properties that point at it. */
    public static Map<String, String> createPostgresDatabase() {
        String name = "incident_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
        return Map.of("spring.datasource.url", SERVER + name, "spring.datasource.username", USER,
                "spring.datasource.password", "");
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + SERVER + " refused: " + sql, e);
        }
    }
}
