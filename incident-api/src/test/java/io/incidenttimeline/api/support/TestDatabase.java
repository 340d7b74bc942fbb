package io.incidenttimeline.api.support;

import io.incidenttimeline.api.storage.EmbeddedDatabaseLocation;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * Where the shared integration tests keep their event store: an H2 file by default, or, when the Maven profile
 * {@code postgres} sets {@code incident.test.database=postgresql}, a database of their own created in the PostgreSQL
 * server at 127.0.0.1:5432 and dropped when the test JVM ends. The read models live in a second database beside it
 * (incident.read-store.datasource), so every integration test runs with the two stores apart, as production may.
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

    /** H2 files in a data directory for both stores (set here because dynamic properties come too late for the URL). */
    static Map<String, String> h2In(java.nio.file.Path dataDir) {
        return Map.of("spring.datasource.url",
                "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("incident-timeline") + EmbeddedDatabaseLocation.SETTINGS,
                "incident.read-store.datasource.url",
                "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("read-store") + EmbeddedDatabaseLocation.SETTINGS,
                "incident.read-store.datasource.username", "sa");
    }

    /** Creates fresh PostgreSQL databases for the event store and the read store and returns the properties naming them. */
    public static Map<String, String> createPostgresDatabase() {
        String name = "incident_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String readStore = name + "_read";
        execute("CREATE DATABASE " + name);
        execute("CREATE DATABASE " + readStore);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            execute("DROP DATABASE IF EXISTS " + readStore + " WITH (FORCE)");
        }));
        return Map.of("spring.datasource.url", SERVER + name, "spring.datasource.username", USER,
                "spring.datasource.password", "", "incident.read-store.datasource.url", SERVER + readStore,
                "incident.read-store.datasource.username", USER, "incident.read-store.datasource.password", "");
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
