package io.incidenttimeline.projections.metrics;

import io.incidenttimeline.core.incident.IncidentEvent;
import io.incidenttimeline.core.incident.event.IncidentReopened;
import io.incidenttimeline.core.incident.event.IncidentResolved;
import io.incidenttimeline.core.incident.event.LifecycleTimeRecorded;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.projections.document.DocumentProjection;
import io.incidenttimeline.projections.document.DocumentReadModel;
import io.incidenttimeline.projections.document.JsonDocumentTable;
import io.incidenttimeline.projections.document.JsonDocumentTable.Column;
import io.incidenttimeline.projections.publicview.PublicIncidentHandlers;
import io.incidenttimeline.projections.responder.ResponderViewProjection;
import io.incidenttimeline.projections.runtime.AggregateProgress;
import io.incidenttimeline.projections.runtime.ProjectionGenerations;
import io.incidenttimeline.projections.support.AggregateTypes;
import io.incidenttimeline.projections.support.ReadModelJson;
import io.incidenttimeline.projections.support.ReadStore;
import io.incidenttimeline.projections.support.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The incident metrics read model: per incident a {@link MetricsIncident} folded by
 * {@link IncidentMetricsFold} (the public view's events, see {@link PublicIncidentHandlers}, and the internal
 * lifecycle times and resolution), indexed by when impact started, with its highest impact, the components it
 * touched and each measure beside it for the Prometheus export. Internal: read only by responders, auditors and the
 * admin's metrics endpoint, never by a public one. It is the responders' read model beside their view of the incident
 * and moves with it, so it shares the responder view's processing group: one transaction per batch for both, and a
 * replay of either rebuilds both.
 */
@Component
@ProcessingGroup(ResponderViewProjection.NAME)
public class IncidentMetricsProjection implements PublicIncidentHandlers, DocumentReadModel {

    public static final String NAME = "incident-metrics";

    private static final Map<Measure, String> MEASURE_COLUMNS = new EnumMap<>(Map.of(
            Measure.DETECT, "time_to_detect_ms",
            Measure.ACKNOWLEDGE, "time_to_acknowledge_ms",
            Measure.MITIGATE, "time_to_mitigate_ms",
            Measure.FIRST_PUBLIC_UPDATE, "time_to_first_public_update_ms",
            Measure.RESOLVE, "time_to_resolve_ms"));

    private final JdbcTemplate jdbc;
    private final ProjectionGenerations generations;
    private final JsonDocumentTable<MetricsIncident> incidents;
    private final DocumentProjection documents;

    public IncidentMetricsProjection(@ReadStore JdbcTemplate jdbc, ProjectionGenerations generations,
                                     AggregateProgress progress) {
        this.jdbc = jdbc;
        this.generations = generations;
        List<Column<MetricsIncident>> columns = new ArrayList<>();
        columns.add(new Column<>("started_at", i -> Timestamps.column(i.impactStartedAt())));
        columns.add(new Column<>("impact", i -> i.highestImpact().wire()));
        columns.add(new Column<>("component_ids", i -> "," + String.join(",", i.components()) + ","));
        MEASURE_COLUMNS.forEach((measure, column) -> columns.add(new Column<>(column, i -> millis(
                IncidentMetrics.of(i, Instant.EPOCH).duration(measure)))));
        this.incidents = new JsonDocumentTable<>(jdbc, "incident_metrics", "incident_id", MetricsIncident.class,
                MetricsIncident::id, (type, aggregateId) -> AggregateTypes.INCIDENT.equals(type) ? aggregateId : null,
                columns);
        this.documents = new DocumentProjection(NAME, generations, progress, () -> { }, incidents);
    }

    @Override
    public DocumentProjection documents() {
        return documents;
    }

    @Override
    public void incident(IncidentEvent event, DomainEventMessage<?> message) {
        documents.fold(incidents, message.getAggregateIdentifier(), message,
                incident -> IncidentMetricsFold.apply(incident, event));
    }

    @EventHandler
    void on(LifecycleTimeRecorded event, DomainEventMessage<?> message) {
        incident(event, message);
    }

    @EventHandler
    void on(IncidentResolved event, DomainEventMessage<?> message) {
        incident(event, message);
    }

    @EventHandler
    void on(IncidentReopened event, DomainEventMessage<?> message) {
        incident(event, message);
    }

    public Optional<IncidentMetrics> metrics(String incidentId, Instant now) {
        return Optional.ofNullable(incidents.load(generations.readGeneration(NAME), List.of(incidentId)).get(incidentId))
                .map(incident -> IncidentMetrics.of(incident, now));
    }

    public MetricsSummary summary(Instant from, Instant to, Instant now) {
        List<IncidentMetrics> metrics = jdbc.query("SELECT document FROM incident_metrics WHERE generation = ? "
                        + "AND started_at >= ? AND started_at < ? ORDER BY started_at, incident_id",
                (rs, row) -> IncidentMetrics.of(ReadModelJson.read(rs.getString(1), MetricsIncident.class), now),
                generations.readGeneration(NAME), Timestamps.column(from), Timestamps.column(to));
        return MetricsSummary.of(from, to, metrics);
    }

    /**
     * The measures of the incidents whose impact started in {@code [from, to)}, read from the columns beside the
     * documents (no document is parsed): what the Prometheus export computes its figures from at each scrape.
     */
    public List<MeasuredIncident> measured(Instant from, Instant to) {
        return jdbc.query("SELECT incident_id, impact, component_ids, " + String.join(", ", MEASURE_COLUMNS.values())
                        + " FROM incident_metrics WHERE generation = ? AND started_at >= ? AND started_at < ?",
                (rs, row) -> measured(rs), generations.readGeneration(NAME), Timestamps.column(from),
                Timestamps.column(to));
    }

    private static MeasuredIncident measured(ResultSet rs) throws SQLException {
        Map<Measure, Duration> durations = new EnumMap<>(Measure.class);
        for (Map.Entry<Measure, String> column : MEASURE_COLUMNS.entrySet()) {
            long millis = rs.getLong(column.getValue());
            if (!rs.wasNull()) {
                durations.put(column.getKey(), Duration.ofMillis(millis));
            }
        }
        List<String> components = Arrays.stream(rs.getString("component_ids").split(","))
                .filter(id -> !id.isEmpty()).toList();
        return new MeasuredIncident(rs.getString("incident_id"), Impact.of(rs.getString("impact")), components,
                durations);
    }

    private static Long millis(Duration duration) {
        return duration == null ? null : duration.toMillis();
    }
}
