package io.incidenttimeline.core.maintenance.event;

import io.incidenttimeline.core.maintenance.MaintenanceEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The maintenance began: its components are under maintenance from now on. The message
 * {@code updateId} says so publicly.
 */
@Revision("1")
public record MaintenanceStarted(String maintenanceId, String updateId, String message, Instant occurredAt,
                                 Instant recordedAt) implements MaintenanceEvent {
}
