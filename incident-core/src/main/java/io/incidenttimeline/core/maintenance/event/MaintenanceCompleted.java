package io.incidenttimeline.core.maintenance.event;

import io.incidenttimeline.core.maintenance.MaintenanceEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The maintenance is over: its components are back to what incidents say of them. The message
 * {@code updateId} says so publicly.
 */
@Revision("1")
public record MaintenanceCompleted(String maintenanceId, String updateId, String message, Instant occurredAt,
                                   Instant recordedAt) implements MaintenanceEvent {
}
