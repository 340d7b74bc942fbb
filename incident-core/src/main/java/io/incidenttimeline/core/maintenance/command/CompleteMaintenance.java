package io.incidenttimeline.core.maintenance.command;

import io.incidenttimeline.core.maintenance.MaintenanceIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Completes a maintenance under way; completing a completed one changes nothing. Without a message, the usual one is
 * posted.
 */
public record CompleteMaintenance(String maintenanceId, String updateId, String message,
                                  @TargetAggregateVersion Long expectedVersion) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return MaintenanceIds.aggregateId(maintenanceId);
    }
}
