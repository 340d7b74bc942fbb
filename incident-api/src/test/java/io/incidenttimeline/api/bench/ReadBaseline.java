package io.incidenttimeline.api.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidenttimeline.core.shared.EventJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Figure 2's baseline: every stored event read sequentially with raw JDBC (one query, a 1,000-row fetch size, in a
 * transaction so PostgreSQL streams with a cursor) and its payload and metadata deserialized with Jackson, the
 * payload into its event record with the application's event mapper. Returns events per second.
 */
final class ReadBaseline {

    private ReadBaseline() {
    }

    static double eventsPerSecond(DataSource dataSource) throws Exception {
        ObjectMapper events = EventJson.objectMapper();
        ObjectMapper metadata = new ObjectMapper();
        Map<String, Class<?>> types = new HashMap<>();
        long started = System.nanoTime();
        long count = 0;
        long checksum = 0;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement query = connection.prepareStatement("SELECT globalIndex, aggregateIdentifier, "
                    + "sequenceNumber, eventIdentifier, timeStamp, payloadType, payloadRevision, payload, metaData "
                    + "FROM DomainEventEntry ORDER BY globalIndex")) {
                query.setFetchSize(1000);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        rows.getLong(1);
                        rows.getString(2);
                        rows.getLong(3);
                        rows.getString(4);
                        rows.getString(5);
                        Class<?> type = types.computeIfAbsent(rows.getString(6), ReadBaseline::load);
                        rows.getString(7);
                        Object payload = events.readValue(rows.getBytes(8), type);
                        Map<?, ?> meta = metadata.readValue(rows.getBytes(9), Map.class);
                        checksum += payload.hashCode() + meta.size();
                        count++;
                    }
                }
            } finally {
                connection.commit();
                connection.setAutoCommit(autoCommit);
            }
        }
        if (checksum == 42) {
            System.out.print("");
        }
        return count / ((System.nanoTime() - started) / 1e9);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
