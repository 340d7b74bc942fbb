package io.incidenttimeline.api.support;

import io.incidenttimeline.api.storage.EmbeddedDatabaseLocation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Databases of their own for tests that start their own application or storage engine: H2 files in a directory, or,
 * under the Maven profile {@code postgres} (as for {@link TestDatabase}), databases created in the PostgreSQL server at
 * 127.0.0.1:5432 and dropped by {@link #close()}.
 */
public final class FreshDatabases implements AutoCloseable {

    private static final String SERVER = System.getProperty("incident.test.postgres-url", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String USER = System.getProperty("incident.test.postgres-user", "postgres");

    /** Where a database is and how to log in; {@link #as(String)} spells it as Spring properties. */
    public record Database(String url, String username, String password) {

        /** The properties for a datasource prefix, e.g. {@code spring.datasource}. */
        public Map<String, String> as(String prefix) {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put(prefix + ".url", url);
            properties.put(prefix + ".username", username);
            properties.put(prefix + ".password", password);
            return properties;
        }

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, username, password);
        }
    }

    private final Path directory;
    private final List<String> created = new ArrayList<>();

    public FreshDatabases(Path directory) {
        this.directory = directory;
    }

    public static boolean postgres() {
        return TestDatabase.postgres();
    }

    public Database create(String name) {
        if (!postgres()) {
            // kept open for the JVM's life: H2 2.3 compacts a file when its last connection closes, and with the
            // assertions tests run with that compaction can fail and leave the file without its newest tables
            return new Database("jdbc:h2:file:" + directory.toAbsolutePath().resolve(name)
                    + EmbeddedDatabaseLocation.SETTINGS + ";DB_CLOSE_DELAY=-1", "sa", "");
        }
        String database = "incident_" + name.replace('-', '_') + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        execute("CREATE DATABASE " + database);
        created.add(database);
        return new Database(SERVER + database, USER, "");
    }

    @Override
    public void close() {
        created.forEach(database -> execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)"));
        created.clear();
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
