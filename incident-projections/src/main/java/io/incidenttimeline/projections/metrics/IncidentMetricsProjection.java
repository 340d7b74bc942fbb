package io.incidenttimeline.projections.metrics;

import io.incidenttimeline.core.incident.IncidentEvent;
import io.incidenttimeline.projections.generation.AggregateProgress;
import io.incidenttimeline.projections.generation.ProjectionGenerations;
import io.incidenttimeline.projections.generation.ReplayableProjection;
import io.incidenttimeline.projections.publicview.PublicIncident;
import io.incidenttimeline.projections.publicview.PublicIncidentFold;
import io.incidenttimeline.projections.support.BatchResources;
import io.incidenttimeline.projections.support.PendingDocuments;
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
 * computed from (the same fold as the public view), indexed by when impact started. Like the public view, a batch of
 * events reads each incident it touches once and writes the changed ones at its end, in its transaction.
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

    /** The incidents one batch changes, in the generation being written; written once, at the end of the batch. */
    private final class Batch {
        final int generation = generations.writeGeneration(NAME);
        final PendingDocuments<PublicIncident> incidents = new PendingDocuments<>(id -> load(generation, id));
        final AggregateProgress.Batch progress = IncidentMetricsProjection.this.progress.batch(NAME, generation);

        void write() {
            progress.write();
            List<PublicIncident> updates = incidents.updates();
            if (!updates.isEmpty()) {
                jdbc.batchUpdate("UPDATE incident_metrics SET started_at = ?, document = ? WHERE generation = ? "
                        + "AND incident_id = ?", updates.stream().map(i -> new Object[] {Timestamps.column(i.startedAt()),
                        ReadModelJson.write(i), generation, i.id()}).toList());
            }
            List<PublicIncident> inserts = incidents.inserts();
            if (!inserts.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO incident_metrics (generation, incident_id, started_at, document) "
                        + "VALUES (?, ?, ?, ?)", inserts.stream().map(i -> new Object[] {generation, i.id(),
                        Timestamps.column(i.startedAt()), ReadModelJson.write(i)}).toList());
            }
        }
    }

    /** Only incidents' events: this processor has no batch to commit for another stream's. */
    @EventHandler
    void on(IncidentEvent event, @SourceId String aggregateId, @SequenceNumber long sequence) {
        Batch batch = BatchResources.current(NAME, Batch::new, Batch::write, b -> { });
        if (!batch.progress.firstDelivery(aggregateId, sequence)) {
            return;
        }
        PendingDocuments<PublicIncident> incidents = batch.incidents;
        PublicIncident before = incidents.get(aggregateId);
        PublicIncident after = PublicIncidentFold.apply(before, event);
        if (after != null && !after.equals(before)) {
            incidents.put(aggregateId, after);
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
