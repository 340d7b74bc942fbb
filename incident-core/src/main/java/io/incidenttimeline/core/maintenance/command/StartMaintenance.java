package io.incidenttimeline.core.maintenance.command;

import io.incidenttimeline.core.maintenance.MaintenanceIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Starts a maintenance: its components are under maintenance until it is completed. Starting one that is under way
 * changes nothing. Without a message, the usual one is posted.
 */
public record StartMaintenance(String maintenanceId, String updateId, String message,
                               @TargetAggregateVersion Long expectedVersion) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return MaintenanceIds.aggregateId(maintenanceId);
    }
}
