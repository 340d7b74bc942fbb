package io.incidenttimeline.core.maintenance.command;

import io.incidenttimeline.core.maintenance.MaintenanceIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Posts a public update on a maintenance that has not ended. */
public record PostMaintenanceUpdate(String maintenanceId, String updateId, String message,
                                    @TargetAggregateVersion Long expectedVersion) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return MaintenanceIds.aggregateId(maintenanceId);
    }
}
