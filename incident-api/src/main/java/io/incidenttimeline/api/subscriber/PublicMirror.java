package io.incidenttimeline.api.subscriber;

import io.incidenttimeline.projections.generation.AggregateProgress;
import io.incidenttimeline.projections.maintenance.PublicMaintenance;
import io.incidenttimeline.projections.publicview.PublicComponent;
import io.incidenttimeline.projections.publicview.PublicIncident;
import io.incidenttimeline.projections.support.ReadModelJson;
import java.util.List;
import java.util.Optional;
import io.incidenttimeline.projections.support.ProcessorState;
import io.incidenttimeline.projections.support.ReadStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The webhook processor's own fold of the public view. It cannot read the public-view projection's tables: that
 * processor may be ahead of or behind this one, and a webhook must describe the page as it was right after its event.
 */
@Repository
class PublicMirror implements ProcessorState {

    private final JdbcTemplate jdbc;

    private final AggregateProgress progress;

    PublicMirror(@ReadStore JdbcTemplate jdbc, AggregateProgress progress) {
        this.jdbc = jdbc;
        this.progress = progress;
    }

    /** Whether the event is new to this copy: an event delivered a second time must not be folded again. */
    boolean firstDelivery(String aggregateId, long sequence) {
        return progress.firstDelivery(SubscriberWebhookProcessor.NAME, 0, aggregateId, sequence);
    }

    Optional<PublicIncident> incident(String incidentId) {
        return jdbc.query("SELECT document FROM webhook_public_incident WHERE incident_id = ?",
                (rs, row) -> ReadModelJson.read(rs.getString(1), PublicIncident.class), incidentId).stream().findFirst();
    }

    /** The incidents on the page now: public and not resolved. */
    List<PublicIncident> openIncidents() {
        return jdbc.query("SELECT document FROM webhook_public_incident WHERE is_open = TRUE",
                (rs, row) -> ReadModelJson.read(rs.getString(1), PublicIncident.class));
    }

    void save(PublicIncident incident) {
        String document = ReadModelJson.write(incident);
        boolean open = incident.visible() && !incident.resolved();
        if (jdbc.update("UPDATE webhook_public_incident SET is_open = ?, document = ? WHERE incident_id = ?",
                open, document, incident.id()) == 0) {
            jdbc.update("INSERT INTO webhook_public_incident (incident_id, is_open, document) VALUES (?, ?, ?)",
                    incident.id(), open, document);
        }
    }

    Optional<PublicComponent> component(String componentId) {
        return jdbc.query("SELECT document FROM webhook_public_component WHERE component_id = ?",
                (rs, row) -> ReadModelJson.read(rs.getString(1), PublicComponent.class), componentId).stream().findFirst();
    }

    List<PublicComponent> components() {
        return jdbc.query("SELECT document FROM webhook_public_component",
                (rs, row) -> ReadModelJson.read(rs.getString(1), PublicComponent.class));
    }

    void save(PublicComponent component) {
        String document = ReadModelJson.write(component);
        if (jdbc.update("UPDATE webhook_public_component SET document = ? WHERE component_id = ?",
                document, component.id()) == 0) {
            jdbc.update("INSERT INTO webhook_public_component (component_id, document) VALUES (?, ?)",
                    component.id(), document);
        }
    }

    Optional<PublicMaintenance> maintenance(String maintenanceId) {
        return jdbc.query("SELECT document FROM webhook_public_maintenance WHERE maintenance_id = ?",
                (rs, row) -> ReadModelJson.read(rs.getString(1), PublicMaintenance.class), maintenanceId).stream()
                .findFirst();
    }

    /** The maintenances under way: their components are under maintenance. */
    List<PublicMaintenance> activeMaintenances() {
        return jdbc.query("SELECT document FROM webhook_public_maintenance WHERE is_active = TRUE",
                (rs, row) -> ReadModelJson.read(rs.getString(1), PublicMaintenance.class));
    }

    void save(PublicMaintenance maintenance) {
        String document = ReadModelJson.write(maintenance);
        if (jdbc.update("UPDATE webhook_public_maintenance SET is_active = ?, document = ? WHERE maintenance_id = ?",
                maintenance.active(), document, maintenance.id()) == 0) {
            jdbc.update("INSERT INTO webhook_public_maintenance (maintenance_id, is_active, document) VALUES (?, ?, ?)",
                    maintenance.id(), maintenance.active(), document);
        }
    }

    @Override
    public void clear() {
        progress.deleteGeneration(SubscriberWebhookProcessor.NAME, 0);
        jdbc.update("DELETE FROM webhook_public_maintenance");
        jdbc.update("DELETE FROM webhook_public_incident");
        jdbc.update("DELETE FROM webhook_public_component");
    }
}
