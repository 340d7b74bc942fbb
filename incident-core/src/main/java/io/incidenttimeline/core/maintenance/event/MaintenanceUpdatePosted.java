package io.incidenttimeline.core.maintenance.event;

import io.incidenttimeline.core.maintenance.MaintenanceEvent;
import io.incidenttimeline.core.maintenance.MaintenanceStatus;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A public message was posted on a maintenance; {@code status} is the maintenance's status at that moment. */
@Revision("1")
public record MaintenanceUpdatePosted(String maintenanceId, String updateId, MaintenanceStatus status, String message,
                                      Instant occurredAt, Instant recordedAt) implements MaintenanceEvent {
}
