package io.incidenttimeline.projections.maintenance;

import io.incidenttimeline.core.maintenance.MaintenanceEvent;
import io.incidenttimeline.core.maintenance.event.MaintenanceCancelled;
import io.incidenttimeline.core.maintenance.event.MaintenanceCompleted;
import io.incidenttimeline.core.maintenance.event.MaintenanceScheduled;
import io.incidenttimeline.core.maintenance.event.MaintenanceStarted;
import io.incidenttimeline.core.maintenance.event.MaintenanceUpdatePosted;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;

/**
 * The events {@link PublicMaintenanceFold} folds, one handler each, for everything kept of the public maintenances:
 * the maintenance view and the subscriber webhooks' copy of the page.
 */
public interface PublicMaintenanceHandlers {

    /** Folds one of a maintenance's events (its stream is keyed as {@code MaintenanceIds} says). */
    void maintenance(MaintenanceEvent event, DomainEventMessage<?> message);

    @EventHandler
    default void on(MaintenanceScheduled event, DomainEventMessage<?> message) {
        maintenance(event, message);
    }

    @EventHandler
    default void on(MaintenanceUpdatePosted event, DomainEventMessage<?> message) {
        maintenance(event, message);
    }

    @EventHandler
    default void on(MaintenanceStarted event, DomainEventMessage<?> message) {
        maintenance(event, message);
    }

    @EventHandler
    default void on(MaintenanceCompleted event, DomainEventMessage<?> message) {
        maintenance(event, message);
    }

    @EventHandler
    default void on(MaintenanceCancelled event, DomainEventMessage<?> message) {
        maintenance(event, message);
    }
}
