package io.incidenttimeline.api.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the database an application process writes, straight through JDBC: what the event store holds per command
 * (by the idempotency key every event carries in its metadata), and the read models' rows, to compare them.
 */
final class Store {

    static final List<String> READ_MODELS = List.of("audit-trail", "incident-metrics", "public-view");
    private static final Map<String, List<String>> TABLES = Map.of("public-view", List.of("public_incident",
            "public_component"), "audit-trail", List.of("audit_event"), "incident-metrics", List.of("incident_metrics"));
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The tables of the event store's database; every other table lives in the read store. */
    private static final List<String> EVENT_STORE_TABLES = List.of("domainevententry", "idempotency_record");

    private final String url;
    private final String user;
    private final String password;
    private final String readUrl;
    private final String readUser;
    private final String readPassword;

    Store(Map<String, String> datasource) {
        this.url = datasource.get("spring.datasource.url");
        this.user = datasource.getOrDefault("spring.datasource.username", "sa");
        this.password = datasource.getOrDefault("spring.datasource.password", "");
        this.readUrl = datasource.getOrDefault("incident.read-store.datasource.url", url);
        this.readUser = datasource.getOrDefault("incident.read-store.datasource.username", user);
        this.readPassword = datasource.getOrDefault("incident.read-store.datasource.password", password);
    }

    /** One stored event: its aggregate, sequence number, payload type (simple name) and audit metadata. */
    record Event(long position, String aggregateId, long sequence, String type, String idempotencyKey,
                 JsonNode payload) {
    }

    List<Event> events() {
        return query("SELECT globalIndex, aggregateIdentifier, sequenceNumber, payloadType, metaData, payload "
                + "FROM DomainEventEntry ORDER BY globalIndex", rs -> {
            JsonNode metadata = json(rs.getBytes("metaData"));
            String type = rs.getString("payloadType");
            return new Event(rs.getLong(1), rs.getString(2), rs.getLong(3), type.substring(type.lastIndexOf('.') + 1),
                    metadata.path("idempotencyKey").isTextual() ? metadata.get("idempotencyKey").asText() : null,
                    json(rs.getBytes("payload")));
        });
    }

    /** The event types each idempotency key stored, in order. */
    Map<String, List<String>> typesByKey() {
        Map<String, List<String>> byKey = new HashMap<>();
        for (Event event : events()) {
            if (event.idempotencyKey() != null) {
                byKey.computeIfAbsent(event.idempotencyKey(), k -> new ArrayList<>()).add(event.type());
            }
        }
        return byKey;
    }

    /** The idempotency records (principal test-responder): key to the stored response status, null if none stored. */
    /**
     * What each idempotency record holds: {@code "result"} for a command carried out, {@code "refusal"} for one refused,
     * {@code "pending"} for a key claimed whose outcome was never stored (the record keeps the command's outcome, not
     * an HTTP response).
     */
    Map<String, String> idempotencyRecords() {
        Map<String, String> records = new HashMap<>();
        query("SELECT idempotency_key, outcome FROM idempotency_record", rs -> {
            String outcome = rs.getString(2);
            records.put(rs.getString(1), outcome == null ? "pending" : outcomeKind(outcome));
            return null;
        });
        return records;
    }

    private static String outcomeKind(String outcome) {
        try {
            return JSON.readTree(outcome).path("result").isObject() ? "result" : "refusal";
        } catch (IOException e) {
            throw new UncheckedIOException("an idempotency record holds an unreadable outcome: " + outcome, e);
        }
    }

    long count(String sql) {
        return query(sql, rs -> rs.getLong(1)).get(0);
    }

    /** Every read model's rows in the generation queries read, without the generation column, in a stable order. */
    Map<String, List<Map<String, String>>> readModels() {
        Map<String, List<Map<String, String>>> models = new TreeMap<>();
        for (String projection : READ_MODELS) {
            int generation = (int) count("SELECT active_generation FROM projection_generation WHERE projection = '"
                    + projection + "'");
            for (String table : TABLES.get(projection)) {
                models.put(table, query("SELECT * FROM " + table + " WHERE generation = " + generation, rs -> {
                    ResultSetMetaData columns = rs.getMetaData();
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        if (!columns.getColumnLabel(i).equalsIgnoreCase("generation")) {
                            row.put(columns.getColumnLabel(i).toLowerCase(), rs.getString(i));
                        }
                    }
                    return row;
                }).stream().sorted(java.util.Comparator.comparing(Map::toString)).toList());
            }
        }
        return models;
    }

    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    <T> List<T> query(String sql, Row<T> row) {
        boolean eventStore = EVENT_STORE_TABLES.stream().anyMatch(sql.toLowerCase()::contains);
        try (Connection connection = eventStore ? DriverManager.getConnection(url, user, password)
                : DriverManager.getConnection(readUrl, readUser, readPassword);
             PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rs = statement.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(row.read(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the store: " + sql, e);
        }
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return bytes == null ? JSON.nullNode() : JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
