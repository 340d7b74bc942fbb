package io.incidenttimeline.projections.audit;

import io.incidenttimeline.core.component.ComponentIds;
import io.incidenttimeline.core.maintenance.MaintenanceIds;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incidenttimeline.core.shared.EventJson;
import io.incidenttimeline.projections.generation.ProjectionGenerations;
import io.incidenttimeline.projections.generation.ReplayableProjection;
import io.incidenttimeline.projections.support.RecordedEvents;
import io.incidenttimeline.projections.support.Timestamps;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Revision;
import io.incidenttimeline.projections.support.ReadStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** One row per stored event, with its global position, its audit metadata and its payload as stored. */
@Component
@ProcessingGroup(AuditTrailProjection.NAME)
public class AuditTrailProjection implements ReplayableProjection {

    public static final String NAME = "audit-trail";
    private static final ObjectMapper EVENT_JSON = EventJson.objectMapper();

    private final JdbcTemplate jdbc;
    private final ProjectionGenerations generations;
    private final RecordedEvents events;

    public AuditTrailProjection(@ReadStore JdbcTemplate jdbc, ProjectionGenerations generations, RecordedEvents events) {
        this.jdbc = jdbc;
        this.generations = generations;
        this.events = events;
    }

    @Override
    public String name() {
        return NAME;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event, TrackingToken token) throws Exception {
        int generation = generations.writeGeneration(NAME);
        long position = token.position().orElseThrow(() -> new IllegalStateException("the token has no position"));
        String recorded = jdbc.query("SELECT event_id FROM audit_event WHERE generation = ? AND global_position = ?",
                (rs, row) -> rs.getString(1), generation, position).stream().findFirst().orElse(null);
        if (event.getIdentifier().equals(recorded)) {
            return;
        }
        if (recorded != null) {
            // The event was committed after later ones and fills a gap: the token stays at the newest position it
            // has seen, so the event's own position comes from the event store.
            position = events.globalIndex(event.getIdentifier());
            if (jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE generation = ? AND global_position = ?",
                    Integer.class, generation, position) > 0) {
                return; // delivered a second time
            }
        }
        String aggregateId = event.getAggregateIdentifier();
        Revision revision = event.getPayloadType().getAnnotation(Revision.class);
        var metadata = event.getMetaData();
        jdbc.update("INSERT INTO audit_event (generation, global_position, event_id, event_type, revision, aggregate_id, "
                        + "incident_id, occurred_at, recorded_at, actor, role, channel, correlation_id, idempotency_key, payload) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                generation, position, event.getIdentifier(), event.getPayloadType().getSimpleName(),
                revision == null ? null : revision.value(), aggregateId,
                incidentId(aggregateId),
                Timestamps.column(occurredAt(payload)), Timestamps.column(RecordedEvents.recordedAt(event)),
                metadata.get("actor"), metadata.get("role"), metadata.get("channel"), metadata.get("correlationId"),
                metadata.get("idempotencyKey"), EVENT_JSON.writeValueAsString(payload));
    }

    /** The incident an event belongs to; component and maintenance streams belong to none. */
    private static String incidentId(String aggregateId) {
        return ComponentIds.isComponentStream(aggregateId) || MaintenanceIds.isMaintenanceStream(aggregateId)
                ? null : aggregateId;
    }

    private static Instant occurredAt(Object payload) {
        try {
            return payload.getClass().getMethod("occurredAt").invoke(payload) instanceof Instant instant ? instant : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
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
        jdbc.update("DELETE FROM audit_event WHERE generation = ?", generation);
    }
}
