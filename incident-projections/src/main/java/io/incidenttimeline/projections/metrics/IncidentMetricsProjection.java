package io.incidenttimeline.projections.metrics;

import io.incidenttimeline.core.incident.IncidentEvent;
import io.incidenttimeline.projections.document.DocumentProjection;
import io.incidenttimeline.projections.document.DocumentReadModel;
import io.incidenttimeline.projections.document.JsonDocumentTable;
import io.incidenttimeline.projections.document.JsonDocumentTable.Column;
import io.incidenttimeline.projections.runtime.AggregateProgress;
import io.incidenttimeline.projections.runtime.ProjectionGenerations;
import io.incidenttimeline.projections.publicview.PublicIncident;
import io.incidenttimeline.projections.publicview.PublicIncidentFold;
import io.incidenttimeline.projections.publicview.PublicIncidentHandlers;
import io.incidenttimeline.projections.support.AggregateTypes;
import io.incidenttimeline.projections.support.ReadModelJson;
import io.incidenttimeline.projections.support.ReadStore;
import io.incidenttimeline.projections.support.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The incident metrics read model, a processing group of its own. It keeps per incident the public facts metrics are
 * computed from (the public view's fold, see {@link PublicIncidentHandlers}), indexed by when impact started.
 */
@Component
@ProcessingGroup(IncidentMetricsProjection.NAME)
public class IncidentMetricsProjection implements PublicIncidentHandlers, DocumentReadModel {

    public static final String NAME = "incident-metrics";

    private final JdbcTemplate jdbc;
    private final ProjectionGenerations generations;
    private final JsonDocumentTable<PublicIncident> incidents;
    private final DocumentProjection documents;

    public IncidentMetricsProjection(@ReadStore JdbcTemplate jdbc, ProjectionGenerations generations,
                                     AggregateProgress progress) {
        this.jdbc = jdbc;
        this.generations = generations;
        this.incidents = new JsonDocumentTable<>(jdbc, "incident_metrics", "incident_id", PublicIncident.class,
                PublicIncident::id, (type, aggregateId) -> AggregateTypes.INCIDENT.equals(type) ? aggregateId : null,
                List.of(new Column<>("started_at", i -> Timestamps.column(i.startedAt()))));
        this.documents = new DocumentProjection(NAME, generations, progress, () -> { }, incidents);
    }

    @Override
    public DocumentProjection documents() {
        return documents;
    }

    @Override
    public void incident(IncidentEvent event, DomainEventMessage<?> message) {
        documents.fold(incidents, message.getAggregateIdentifier(), message,
                incident -> PublicIncidentFold.apply(incident, event));
    }

    public Optional<IncidentMetrics> metrics(String incidentId, Instant now) {
        return Optional.ofNullable(incidents.load(generations.readGeneration(NAME), List.of(incidentId)).get(incidentId))
                .map(incident -> IncidentMetrics.of(incident, now));
    }

    public MetricsSummary summary(Instant from, Instant to, Instant now) {
        List<IncidentMetrics> metrics = jdbc.query("SELECT document FROM incident_metrics WHERE generation = ? "
                        + "AND started_at >= ? AND started_at < ? ORDER BY started_at, incident_id",
                (rs, row) -> IncidentMetrics.of(ReadModelJson.read(rs.getString(1), PublicIncident.class), now),
                generations.readGeneration(NAME), Timestamps.column(from), Timestamps.column(to));
        return MetricsSummary.of(from, to, metrics);
    }
}
