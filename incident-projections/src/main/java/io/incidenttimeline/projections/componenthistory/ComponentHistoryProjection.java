package io.incidenttimeline.projections.componenthistory;

import io.incidenttimeline.core.incident.IncidentEvent;
import io.incidenttimeline.core.incident.event.ImpactChanged;
import io.incidenttimeline.core.incident.event.ImpactWindowRecorded;
import io.incidenttimeline.core.incident.event.IncidentDeclared;
import io.incidenttimeline.core.incident.event.UpdatePosted;
import io.incidenttimeline.core.incident.event.UpdateRetracted;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.projections.document.DocumentProjection;
import io.incidenttimeline.projections.document.DocumentReadModel;
import io.incidenttimeline.projections.publicview.PublicViewProjection;
import io.incidenttimeline.projections.runtime.AggregateProgress;
import io.incidenttimeline.projections.runtime.ProjectionGenerations;
import io.incidenttimeline.projections.support.ReadStore;
import io.incidenttimeline.projections.support.Timestamps;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The component status history read model: per incident the public facts about its components, folded by
 * {@link IncidentStatusHistory}, and the status intervals they amount to, which the uptime bars read
 * ({@link ComponentHistoryTables}). It serves the public page beside the public view and moves with it, so it shares the
 * public view's processing group: one transaction per batch for both, and a replay of either rebuilds both.
 */
@Component
@ProcessingGroup(PublicViewProjection.NAME)
public class ComponentHistoryProjection implements DocumentReadModel {

    public static final String NAME = "component-history";

    private final JdbcTemplate jdbc;
    private final ProjectionGenerations generations;
    private final ComponentHistoryTables tables;
    private final DocumentProjection documents;

    public ComponentHistoryProjection(@ReadStore JdbcTemplate jdbc, ProjectionGenerations generations,
                                      AggregateProgress progress) {
        this.jdbc = jdbc;
        this.generations = generations;
        this.tables = new ComponentHistoryTables(jdbc);
        this.documents = new DocumentProjection(NAME, generations, progress, () -> { }, tables);
    }

    @Override
    public DocumentProjection documents() {
        return documents;
    }

    @EventHandler
    void on(IncidentDeclared event, DomainEventMessage<?> message) {
        fold(event, message);
    }

    @EventHandler
    void on(UpdatePosted event, DomainEventMessage<?> message) {
        fold(event, message);
    }

    @EventHandler
    void on(UpdateRetracted event, DomainEventMessage<?> message) {
        fold(event, message);
    }

    @EventHandler
    void on(ImpactChanged event, DomainEventMessage<?> message) {
        fold(event, message);
    }

    @EventHandler
    void on(ImpactWindowRecorded event, DomainEventMessage<?> message) {
        fold(event, message);
    }

    /** The aggregate identifier of an incident's stream is the incident id. */
    private void fold(IncidentEvent event, DomainEventMessage<?> message) {
        documents.fold(tables, message.getAggregateIdentifier(), message,
                history -> IncidentStatusHistory.apply(history, event));
    }

    /** The intervals that overlap [from, to), of every component, oldest first. */
    public List<StatusInterval> intervals(Instant from, Instant to) {
        return jdbc.query("SELECT component_id, status, started_at, ended_at FROM component_status_interval "
                        + "WHERE generation = ? AND started_at < ? AND (ended_at IS NULL OR ended_at > ?) "
                        + "ORDER BY started_at, component_id, incident_id, ordinal",
                (rs, row) -> new StatusInterval(rs.getString("component_id"), ComponentStatus.of(rs.getString("status")),
                        Timestamps.instant(rs, "started_at"), Timestamps.instant(rs, "ended_at")),
                generations.readGeneration(NAME), Timestamps.column(to), Timestamps.column(from));
    }
}
