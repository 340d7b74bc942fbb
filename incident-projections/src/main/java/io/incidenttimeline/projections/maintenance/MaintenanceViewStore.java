package io.incidenttimeline.projections.maintenance;

import io.incidenttimeline.core.maintenance.MaintenanceStatus;
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

    public MaintenanceViewStore(@ReadStore JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PublicMaintenance> maintenance(int generation, String maintenanceId) {
        return jdbc.query("SELECT document FROM public_maintenance WHERE generation = ? AND maintenance_id = ?",
                DOCUMENT, generation, maintenanceId).stream().findFirst();
    }

    public void save(int generation, PublicMaintenance maintenance) {
        String document = ReadModelJson.write(maintenance);
        int updated = jdbc.update("UPDATE public_maintenance SET status = ?, updated_at = ?, document = ? "
                        + "WHERE generation = ? AND maintenance_id = ?", maintenance.status().wire(),
                Timestamps.column(maintenance.updatedAt()), document, generation, maintenance.id());
        if (updated == 0) {
            jdbc.update("INSERT INTO public_maintenance (generation, maintenance_id, status, scheduled_for, "
                            + "scheduled_until, auto_start, auto_complete, created_at, updated_at, document) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", generation, maintenance.id(),
                    maintenance.status().wire(), Timestamps.column(maintenance.scheduledFor()),
                    Timestamps.column(maintenance.scheduledUntil()), maintenance.autoStart(),
                    maintenance.autoComplete(), Timestamps.column(maintenance.createdAt()),
                    Timestamps.column(maintenance.updatedAt()), document);
        }
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

    public void deleteGeneration(int generation) {
        jdbc.update("DELETE FROM public_maintenance WHERE generation = ?", generation);
    }
}
