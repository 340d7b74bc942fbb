package io.incidenttimeline.projections.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidenttimeline.core.shared.EventJson;
import io.incidenttimeline.projections.support.Timestamps;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;

/** One row of {@code audit_event}: a stored event with its position, its audit metadata and its payload as JSON. */
record AuditRow(long position, String eventId, String type, String revision, String aggregateId, String incidentId,
                Instant occurredAt, Instant recordedAt, String actor, String role, String channel,
                String correlationId, String idempotencyKey, String payload) {

    static final String INSERT = "INSERT INTO audit_event (generation, global_position, event_id, event_type, revision, "
            + "aggregate_id, incident_id, occurred_at, recorded_at, actor, role, channel, correlation_id, "
            + "idempotency_key, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final ObjectMapper EVENT_JSON = EventJson.objectMapper();

    /** The same event at another position. */
    AuditRow at(long newPosition) {
        return new AuditRow(newPosition, eventId, type, revision, aggregateId, incidentId, occurredAt, recordedAt,
                actor, role, channel, correlationId, idempotencyKey, payload);
    }

    /** The parameters of {@link #INSERT}, in its order. */
    Object[] insert(int generation) {
        return new Object[] {generation, position, eventId, type, revision, aggregateId, incidentId,
                Timestamps.column(occurredAt), Timestamps.column(recordedAt), actor, role, channel, correlationId,
                idempotencyKey, payload};
    }

    /**
     * Binds rows to {@link #INSERT} with their column types, the same values {@link #insert} gives: Spring's binding of
     * untyped arguments asks the driver about every null and logs every parameter, a tenth of a rebuild's time.
     */
    record Insert(int generation, List<AuditRow> rows) implements BatchPreparedStatementSetter {

        @Override
        public void setValues(PreparedStatement ps, int i) throws SQLException {
            AuditRow row = rows.get(i);
            ps.setInt(1, generation);
            ps.setLong(2, row.position);
            ps.setString(3, row.eventId);
            ps.setString(4, row.type);
            text(ps, 5, row.revision);
            ps.setString(6, row.aggregateId);
            text(ps, 7, row.incidentId);
            time(ps, 8, row.occurredAt);
            time(ps, 9, row.recordedAt);
            text(ps, 10, row.actor);
            text(ps, 11, row.role);
            text(ps, 12, row.channel);
            text(ps, 13, row.correlationId);
            text(ps, 14, row.idempotencyKey);
            ps.setString(15, row.payload);
        }

        @Override
        public int getBatchSize() {
            return rows.size();
        }

        private static void text(PreparedStatement ps, int index, String value) throws SQLException {
            if (value == null) {
                ps.setNull(index, Types.VARCHAR);
            } else {
                ps.setString(index, value);
            }
        }

        private static void time(PreparedStatement ps, int index, Instant value) throws SQLException {
            if (value == null) {
                ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                ps.setObject(index, Timestamps.column(value));
            }
        }
    }

    static AuditRow read(ResultSet rs) throws SQLException {
        return new AuditRow(rs.getLong("global_position"), rs.getString("event_id"), rs.getString("event_type"),
                rs.getString("revision"), rs.getString("aggregate_id"), rs.getString("incident_id"),
                Timestamps.instant(rs, "occurred_at"), Timestamps.instant(rs, "recorded_at"), rs.getString("actor"),
                rs.getString("role"), rs.getString("channel"), rs.getString("correlation_id"),
                rs.getString("idempotency_key"), rs.getString("payload"));
    }

    /** The row as the audit trail shows it, its payload parsed. */
    AuditEntry entry() {
        try {
            return new AuditEntry(position, eventId, type, revision, aggregateId, incidentId, occurredAt, recordedAt,
                    actor, role, channel, correlationId, idempotencyKey, EVENT_JSON.readTree(payload));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
