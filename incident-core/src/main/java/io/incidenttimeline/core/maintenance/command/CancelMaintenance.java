package io.incidenttimeline.core.maintenance.command;

import io.incidenttimeline.core.maintenance.MaintenanceIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Cancels a maintenance that has not started; cancelling a cancelled one changes nothing. Without a message, the
 * usual one is posted.
 */
public record CancelMaintenance(String maintenanceId, String updateId, String message,
                                @TargetAggregateVersion Long expectedVersion) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return MaintenanceIds.aggregateId(maintenanceId);
    }
}
