package io.incidenttimeline.api.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The database a benchmark run measures: the embedded default (H2 file) in the run's data directory, or a fresh
 * database in the PostgreSQL server at 127.0.0.1:5432 (user postgres, trust), dropped when the run ends.
 */
final class BenchDatabase implements AutoCloseable {

    static final String POSTGRES_SERVER = System.getProperty("bench.postgres-url", "jdbc:postgresql://127.0.0.1:5432/");
    static final String POSTGRES_USER = System.getProperty("bench.postgres-user", "postgres");

    final String kind;
    final Map<String, String> properties = new LinkedHashMap<>();
    private final String postgresName;

    private BenchDatabase(String kind, String postgresName) {
        this.kind = kind;
        this.postgresName = postgresName;
    }

    static BenchDatabase of(String kind) {
        if (kind.equals("h2")) {
            return new BenchDatabase(kind, null); // the embedded default in the run's data directory, as shipped
        }
        if (!kind.equals("postgresql")) {
            throw new IllegalArgumentException("database must be h2 or postgresql, not " + kind);
        }
        String name = "incident_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + name);
        BenchDatabase database = new BenchDatabase(kind, name);
        database.properties.put("spring.datasource.url", POSTGRES_SERVER + name);
        database.properties.put("spring.datasource.username", POSTGRES_USER);
        database.properties.put("spring.datasource.password", "");
        return database;
    }

    boolean postgres() {
        return postgresName != null;
    }

    @Override
    public void close() {
        if (postgresName != null) {
            execute("DROP DATABASE IF EXISTS " + postgresName + " WITH (FORCE)");
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(POSTGRES_SERVER + "postgres", POSTGRES_USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + POSTGRES_SERVER + " refused: " + sql, e);
        }
    }
}
