package io.incidenttimeline.api.subscriber;

import io.incidenttimeline.projections.document.DocumentChange;
import io.incidenttimeline.projections.document.JsonDocumentTable;
import io.incidenttimeline.projections.document.JsonDocumentTable.Column;
import io.incidenttimeline.projections.runtime.AggregateProgress;
import io.incidenttimeline.projections.maintenance.PublicMaintenance;
import io.incidenttimeline.projections.publicview.PublicComponent;
import io.incidenttimeline.projections.publicview.PublicIncident;
import io.incidenttimeline.projections.support.ProcessorState;
import io.incidenttimeline.projections.support.ReadModelJson;
import io.incidenttimeline.projections.support.ReadStore;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The webhook processor's own copy of the public view: the same documents, folded by the same folds, kept in tables of
 * its own. It cannot read the public-view projection's tables: that processor may be ahead of or behind this one, and
 * a webhook must describe the page as it was right after its event. Each event's change is written at once, so that
 * the next event of the batch sees the page as it left it.
 */
@Repository
class PublicMirror implements ProcessorState {

    /** The copy is never rebuilt beside itself: one generation, as its progress has. */
    private static final int GENERATION = 0;

    /** Documents are read event by event, never for a whole batch up front. */
    private static final BiFunction<String, String, String> ONE_AT_A_TIME = (aggregateType, aggregateId) -> null;

    private final JdbcTemplate jdbc;
    private final AggregateProgress progress;
    private final JsonDocumentTable<PublicIncident> incidents;
    private final JsonDocumentTable<PublicComponent> components;
    private final JsonDocumentTable<PublicMaintenance> maintenances;

    PublicMirror(@ReadStore JdbcTemplate jdbc, AggregateProgress progress) {
        this.jdbc = jdbc;
        this.progress = progress;
        this.incidents = new JsonDocumentTable<>(jdbc, "webhook_public_incident", "incident_id", PublicIncident.class,
                PublicIncident::id, ONE_AT_A_TIME, List.of(new Column<>("is_open", incident -> incident.visible() && !incident.resolved())));
        this.components = new JsonDocumentTable<>(jdbc, "webhook_public_component", "component_id",
                PublicComponent.class, PublicComponent::id, ONE_AT_A_TIME, List.of());
        this.maintenances = new JsonDocumentTable<>(jdbc, "webhook_public_maintenance", "maintenance_id",
                PublicMaintenance.class, PublicMaintenance::id, ONE_AT_A_TIME, List.of(new Column<>("is_active", PublicMaintenance::active)));
    }

    /** Whether the event is new to this copy: an event delivered a second time must not be folded again. */
    boolean firstDelivery(String aggregateId, long sequence) {
        return progress.firstDelivery(SubscriberWebhookProcessor.NAME, GENERATION, aggregateId, sequence);
    }

    Optional<PublicIncident> incident(String incidentId) {
        return Optional.ofNullable(incidents.load(GENERATION, List.of(incidentId)).get(incidentId));
    }

    /** The incidents on the page now: public and not resolved. */
    List<PublicIncident> openIncidents() {
        return jdbc.query("SELECT document FROM webhook_public_incident WHERE is_open = TRUE",
                (rs, row) -> ReadModelJson.read(rs.getString(1), PublicIncident.class));
    }

    void save(PublicIncident before, PublicIncident after) {
        incidents.write(GENERATION, List.of(new DocumentChange<>(before, after)));
    }

    Optional<PublicComponent> component(String componentId) {
        return Optional.ofNullable(components.load(GENERATION, List.of(componentId)).get(componentId));
    }

    List<PublicComponent> components() {
        return jdbc.query("SELECT document FROM webhook_public_component",
                (rs, row) -> ReadModelJson.read(rs.getString(1), PublicComponent.class));
    }

    void save(PublicComponent before, PublicComponent after) {
        components.write(GENERATION, List.of(new DocumentChange<>(before, after)));
    }

    Optional<PublicMaintenance> maintenance(String maintenanceId) {
        return Optional.ofNullable(maintenances.load(GENERATION, List.of(maintenanceId)).get(maintenanceId));
    }

    /** The maintenances under way: their components are under maintenance. */
    List<PublicMaintenance> activeMaintenances() {
        return jdbc.query("SELECT document FROM webhook_public_maintenance WHERE is_active = TRUE",
                (rs, row) -> ReadModelJson.read(rs.getString(1), PublicMaintenance.class));
    }

    void save(PublicMaintenance before, PublicMaintenance after) {
        maintenances.write(GENERATION, List.of(new DocumentChange<>(before, after)));
    }

    @Override
    public void clear() {
        progress.deleteGeneration(SubscriberWebhookProcessor.NAME, GENERATION);
        maintenances.deleteGeneration(GENERATION);
        incidents.deleteGeneration(GENERATION);
        components.deleteGeneration(GENERATION);
    }
}
