package io.incidenttimeline.projections.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** An audit row is written and read by name, never by index: what goes in comes out, field for field. */
class AuditRowTest {

    private static final AuditRow ROW = new AuditRow(42, "event-1", "UpdatePosted", "1", "inc-1", "inc-1",
            Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-01T10:00:01.123456Z"), "alice", "responder",
            "api", "corr-1", "key-1", "{\"incidentId\":\"inc-1\",\"message\":\"Investigating\"}");

    @Test
    void aRowWrittenWithItsInsertIsReadBackAsItWas() {
        JdbcTemplate jdbc = auditTable();
        jdbc.update(AuditRow.INSERT, ROW.insert(3));

        AuditRow read = jdbc.queryForObject("SELECT * FROM audit_event WHERE generation = 3",
                (rs, row) -> AuditRow.read(rs));
        assertThat(read).isEqualTo(ROW);
    }

    @Test
    void rowsBoundWithTheirColumnTypesAreStoredAsTheirUntypedInsertStoresThem() {
        AuditRow sparse = new AuditRow(43, "event-2", "ComponentDefined", null, "component-1", null, null,
                Instant.parse("2026-03-01T10:00:02.000000500Z"), "bob", null, "api", null, null, "{}");
        JdbcTemplate jdbc = auditTable();
        jdbc.batchUpdate(AuditRow.INSERT, List.of(ROW.insert(1), sparse.insert(1)));

        jdbc.batchUpdate(AuditRow.INSERT, new AuditRow.Insert(2, List.of(ROW, sparse)));

        List<AuditRow> untyped = jdbc.query("SELECT * FROM audit_event WHERE generation = 1 ORDER BY global_position",
                (rs, row) -> AuditRow.read(rs));
        List<AuditRow> typed = jdbc.query("SELECT * FROM audit_event WHERE generation = 2 ORDER BY global_position",
                (rs, row) -> AuditRow.read(rs));
        assertThat(typed).isEqualTo(untyped).hasSize(2);
        assertThat(typed.get(0)).isEqualTo(ROW);
    }

    @Test
    void anEventMovedToItsOwnPositionKeepsEverythingElse() {
        AuditRow moved = ROW.at(40);
        assertThat(moved.position()).isEqualTo(40);
        assertThat(moved.at(42)).isEqualTo(ROW);
    }

    @Test
    void theEntryShowsThePayloadAsJson() {
        AuditEntry entry = ROW.entry();
        assertThat(entry.position()).isEqualTo(42);
        assertThat(entry.actor()).isEqualTo("alice");
        assertThat(entry.idempotencyKey()).isEqualTo("key-1");
        assertThat(entry.payload().get("message").asText()).isEqualTo("Investigating");
    }

    private static JdbcTemplate auditTable() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE audit_event (generation INTEGER NOT NULL, global_position BIGINT NOT NULL, "
                + "event_id VARCHAR(255) NOT NULL, event_type VARCHAR(255) NOT NULL, revision VARCHAR(50), "
                + "aggregate_id VARCHAR(255) NOT NULL, incident_id VARCHAR(128), occurred_at TIMESTAMP WITH TIME ZONE, "
                + "recorded_at TIMESTAMP WITH TIME ZONE NOT NULL, actor VARCHAR(200), role VARCHAR(50), "
                + "channel VARCHAR(50), correlation_id VARCHAR(255), idempotency_key VARCHAR(255), "
                + "payload CLOB NOT NULL, PRIMARY KEY (generation, global_position))");
        return jdbc;
    }
}
