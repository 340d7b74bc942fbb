package io.incidenttimeline.projections.metrics;

import io.incidenttimeline.core.component.ComponentIds;
import io.incidenttimeline.core.maintenance.MaintenanceIds;
import io.incidenttimeline.projections.generation.AggregateProgress;
import io.incidenttimeline.projections.generation.ProjectionGenerations;
import io.incidenttimeline.projections.generation.ReplayableProjection;
import io.incidenttimeline.projections.publicview.PublicIncident;
import io.incidenttimeline.projections.publicview.PublicIncidentFold;
import io.incidenttimeline.projections.support.ReadModelJson;
import io.incidenttimeline.projections.support.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import io.incidenttimeline.projections.support.ReadStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The incident metrics read model, a processing group of its own. It keeps per incident the public facts metrics are
 * computed from (the same fold as the public view), indexed by when impact started.
 */
@Component
@ProcessingGroup(IncidentMetricsProjection.NAME)
public class IncidentMetricsProjection implements ReplayableProjection {

    public static final String NAME = "incident-metrics";

    private final JdbcTemplate jdbc;
    private final ProjectionGenerations generations;
    private final AggregateProgress progress;

    public IncidentMetricsProjection(@ReadStore JdbcTemplate jdbc, ProjectionGenerations generations, AggregateProgress progress) {
        this.jdbc = jdbc;
        this.generations = generations;
        this.progress = progress;
    }

    @Override
    public String name() {
        return NAME;
    }

    @EventHandler
    void on(Object event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        if (ComponentIds.isComponentStream(aggregateId) || MaintenanceIds.isMaintenanceStream(aggregateId)) {
            return;
        }
        int generation = generations.writeGeneration(NAME);
        if (!progress.firstDelivery(NAME, generation, aggregateId, sequence)) {
            return;
        }
        PublicIncident before = load(generation, aggregateId).orElse(null);
        PublicIncident after = PublicIncidentFold.apply(before, event);
        if (after == null || after.equals(before)) {
            return;
        }
        String document = ReadModelJson.write(after);
        int updated = jdbc.update("UPDATE incident_metrics SET started_at = ?, document = ? "
                + "WHERE generation = ? AND incident_id = ?", Timestamps.column(after.startedAt()), document, generation, after.id());
        if (updated == 0) {
            jdbc.update("INSERT INTO incident_metrics (generation, incident_id, started_at, document) VALUES (?, ?, ?, ?)",
                    generation, after.id(), Timestamps.column(after.startedAt()), document);
        }
    }

    public Optional<IncidentMetrics> metrics(String incidentId, Instant now) {
        return load(generations.readGeneration(NAME), incidentId).map(incident -> IncidentMetrics.of(incident, now));
    }

    public MetricsSummary summary(Instant from, Instant to, Instant now) {
        List<IncidentMetrics> metrics = jdbc.query("SELECT document FROM incident_metrics WHERE generation = ? "
                        + "AND started_at >= ? AND started_at < ? ORDER BY started_at, incident_id",
                (rs, row) -> IncidentMetrics.of(ReadModelJson.read(rs.getString(1), PublicIncident.class), now),
                generations.readGeneration(NAME), Timestamps.column(from), Timestamps.column(to));
        return MetricsSummary.of(from, to, metrics);
    }

    private Optional<PublicIncident> load(int generation, String incidentId) {
        return jdbc.query("SELECT document FROM incident_metrics WHERE generation = ? AND incident_id = ?",
                (rs, row) -> ReadModelJson.read(rs.getString(1), PublicIncident.class), generation, incidentId)
                .stream().findFirst();
    }

    @ResetHandler
    void onReset() {
        var state = generations.current(NAME);
        if (state.replaying()) {
            deleteGeneration(state.building());
        }
    }

    @Override
    public void deleteGeneration(int generation) {
        jdbc.update("DELETE FROM incident_metrics WHERE generation = ?", generation);
        progress.deleteGeneration(NAME, generation);
    }
}
