package io.incidenttimeline.core.maintenance.event;

import io.incidenttimeline.core.maintenance.MaintenanceEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The maintenance was called off before it started. The message {@code updateId} says so publicly. */
@Revision("1")
public record MaintenanceCancelled(String maintenanceId, String updateId, String message, Instant occurredAt,
                                   Instant recordedAt) implements MaintenanceEvent {
}
