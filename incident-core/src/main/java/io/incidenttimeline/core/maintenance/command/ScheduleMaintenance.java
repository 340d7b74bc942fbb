package io.incidenttimeline.core.maintenance.command;

import io.incidenttimeline.core.maintenance.MaintenanceIds;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Announces a maintenance with its window, the components it takes down and its first public message (whose id the
 * caller assigns). {@code autoStart} and {@code autoComplete} (default true) let the application start and complete
 * it at the window's edges.
 */
public record ScheduleMaintenance(String maintenanceId, String title, String message, List<String> components,
                                  Instant scheduledFor, Instant scheduledUntil, Boolean autoStart,
                                  Boolean autoComplete, String updateId) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return MaintenanceIds.aggregateId(maintenanceId);
    }
}
