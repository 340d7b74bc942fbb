package io.incidenttimeline.projections.maintenance;

import io.incidenttimeline.core.maintenance.MaintenanceIds;
import io.incidenttimeline.core.maintenance.MaintenanceStatus;
import io.incidenttimeline.projections.document.DocumentTable;
import io.incidenttimeline.projections.document.JsonDocumentTable;
import io.incidenttimeline.projections.document.JsonDocumentTable.Column;
import io.incidenttimeline.projections.support.AggregateTypes;
import io.incidenttimeline.projections.support.ReadModelJson;
import io.incidenttimeline.projections.support.Timestamps;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import io.incidenttimeline.projections.support.ReadStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The rows of the maintenance view: one JSON document per maintenance and generation, beside the columns its
 * queries select on (status, window, automatic transitions).
 */
@Repository
public class MaintenanceViewStore {

    private static final RowMapper<PublicMaintenance> DOCUMENT =
            (rs, row) -> ReadModelJson.read(rs.getString("document"), PublicMaintenance.class);

    private final JdbcTemplate jdbc;
    private final JsonDocumentTable<PublicMaintenance> maintenances;

    public MaintenanceViewStore(@ReadStore JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.maintenances = new JsonDocumentTable<>(jdbc, "public_maintenance", "maintenance_id",
                PublicMaintenance.class, PublicMaintenance::id, (type, aggregateId) ->
                AggregateTypes.MAINTENANCE.equals(type) ? MaintenanceIds.maintenanceId(aggregateId) : null,
                List.of(new Column<>("status", m -> m.status().wire()),
                        new Column<>("scheduled_for", m -> Timestamps.column(m.scheduledFor())),
                        new Column<>("scheduled_until", m -> Timestamps.column(m.scheduledUntil())),
                        new Column<>("auto_start", PublicMaintenance::autoStart),
                        new Column<>("auto_complete", PublicMaintenance::autoComplete),
                        new Column<>("created_at", m -> Timestamps.column(m.createdAt())),
                        new Column<>("updated_at", m -> Timestamps.column(m.updatedAt()))));
    }

    /** The maintenances' documents, which the projection writes. */
    DocumentTable<PublicMaintenance> maintenances() {
        return maintenances;
    }

    public Optional<PublicMaintenance> maintenance(int generation, String maintenanceId) {
        return jdbc.query("SELECT document FROM public_maintenance WHERE generation = ? AND maintenance_id = ?",
                DOCUMENT, generation, maintenanceId).stream().findFirst();
    }

    /** The maintenances with one of {@code statuses}, in the order of their windows. */
    public List<PublicMaintenance> withStatus(int generation, MaintenanceStatus... statuses) {
        String placeholders = String.join(", ", Collections.nCopies(statuses.length, "?"));
        Object[] args = new Object[statuses.length + 1];
        args[0] = generation;
        for (int i = 0; i < statuses.length; i++) {
            args[i + 1] = statuses[i].wire();
        }
        return jdbc.query("SELECT document FROM public_maintenance WHERE generation = ? AND status IN ("
                + placeholders + ") ORDER BY scheduled_for, maintenance_id", DOCUMENT, args);
    }

    /** The most recently announced maintenances, newest first. */
    public List<PublicMaintenance> recent(int generation, int limit) {
        return jdbc.query("SELECT document FROM public_maintenance WHERE generation = ? "
                + "ORDER BY created_at DESC, maintenance_id LIMIT ?", DOCUMENT, generation, limit);
    }

    /** The maintenance that changed last, which dates the page when it ended after everything else changed. */
    public Optional<PublicMaintenance> lastChanged(int generation) {
        return jdbc.query("SELECT document FROM public_maintenance WHERE generation = ? "
                + "ORDER BY updated_at DESC, maintenance_id LIMIT 1", DOCUMENT, generation).stream().findFirst();
    }

    /**
     * Maintenances whose window edge has passed and that take the step on their own: scheduled ones to start,
     * those under way to complete.
     */
    public List<PublicMaintenance> due(int generation, Instant now) {
        return jdbc.query("SELECT document FROM public_maintenance WHERE generation = ? AND ("
                        + "(status = ? AND auto_start = TRUE AND scheduled_for <= ?) OR "
                        + "(status = ? AND auto_complete = TRUE AND scheduled_until <= ?)) "
                        + "ORDER BY scheduled_for, maintenance_id", DOCUMENT, generation,
                MaintenanceStatus.SCHEDULED.wire(), Timestamps.column(now), MaintenanceStatus.IN_PROGRESS.wire(),
                Timestamps.column(now));
    }
}
