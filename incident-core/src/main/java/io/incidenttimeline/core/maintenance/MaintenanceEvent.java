package io.incidenttimeline.core.maintenance;

import io.incidenttimeline.core.shared.DomainEvent;

/** An event of a scheduled maintenance's stream; read models that keep maintenances handle these and no others. */
public interface MaintenanceEvent extends DomainEvent {
}
