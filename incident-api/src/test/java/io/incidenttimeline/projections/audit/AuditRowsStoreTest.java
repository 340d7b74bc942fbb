package io.incidenttimeline.projections.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.projections.support.ReadStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail's batch insert (COPY on PostgreSQL, a JDBC batch on H2) stores every value exactly as a plain INSERT
 * of the same row does, in the application's read store: text COPY would have to escape, nulls, and times whose
 * nanoseconds pgjdbc rounds to microseconds.
 */
class AuditRowsStoreTest extends ApiIntegrationTest {

    private static final int BATCH = 900_001;
    private static final int PLAIN = 900_002;

    @Autowired
    @ReadStore
    JdbcTemplate jdbc;

    @Autowired
    @ReadStore
    PlatformTransactionManager transactions;

    @AfterEach
    void dropGenerations() {
        jdbc.update("DELETE FROM audit_event WHERE generation IN (?, ?)", BATCH, PLAIN);
    }

    @Test
    void rowsWrittenAsABatchReadBackAsThePlainInsertOfEachRowStoresThem() {
        List<AuditRow> rows = List.of(
                row(1, "tab\there, newline\nthere, return\r, backslash \\ and \\N", "2026-03-01T10:00:00Z",
                        "2026-03-01T10:00:01.123456499Z", "{\"message\":\"quote \\\" backslash \\\\ tab \\t ü 😀\"}"),
                row(2, null, null, "2026-03-01T10:00:01.123456500Z", "{}"),
                row(3, "Zoë Ødegård", "1999-12-31T23:59:59.999999500Z", "2026-12-31T23:59:59.999999999Z",
                        "{\"components\":{\"a\":\"degraded_performance\"}}"),
                row(4, "", "0001-01-01T00:00:00Z", "2026-03-01T10:00:02.000000001Z", "{\"text\":\"\\\\.\"}"));

        Boolean copied = new TransactionTemplate(transactions).execute(tx -> AuditRows.insert(jdbc, BATCH, rows));
        rows.forEach(row -> jdbc.update(AuditRow.INSERT, row.insert(PLAIN)));

        assertThat(copied).as("written by COPY").isEqualTo(postgres());
        assertThat(read(BATCH)).hasSize(4).isEqualTo(read(PLAIN));
    }

    @Test
    void aBatchWithATimeBeyondYear9999IsStoredAsThePlainInsertStoresIt() {
        List<AuditRow> rows = List.of(row(1, "far", "+10000-01-01T00:00:00Z", "2026-03-01T10:00:00Z", "{}"),
                row(2, "near", "2026-03-01T09:00:00Z", "2026-03-01T10:00:00Z", "{}"));

        Boolean copied = new TransactionTemplate(transactions).execute(tx -> AuditRows.insert(jdbc, BATCH, rows));
        rows.forEach(row -> jdbc.update(AuditRow.INSERT, row.insert(PLAIN)));

        assertThat(copied).as("written by COPY").isFalse();
        assertThat(read(BATCH)).hasSize(2).isEqualTo(read(PLAIN));
    }

    private boolean postgres() {
        return jdbc.execute((org.springframework.jdbc.core.ConnectionCallback<String>) c -> c.getMetaData()
                .getDatabaseProductName()).equals("PostgreSQL");
    }

    private List<AuditRow> read(int generation) {
        return jdbc.query("SELECT * FROM audit_event WHERE generation = ? ORDER BY global_position",
                (rs, n) -> AuditRow.read(rs), generation);
    }

    private static AuditRow row(long position, String actor, String occurredAt, String recordedAt, String payload) {
        return new AuditRow(position, "event-" + position, "UpdatePosted", position % 2 == 0 ? null : "1",
                "aggregate-" + position, position % 2 == 0 ? null : "incident-" + position,
                occurredAt == null ? null : Instant.parse(occurredAt), Instant.parse(recordedAt), actor, "responder",
                "api", "corr-" + position, position % 2 == 0 ? "key\t" + position : null, payload);
    }
}
