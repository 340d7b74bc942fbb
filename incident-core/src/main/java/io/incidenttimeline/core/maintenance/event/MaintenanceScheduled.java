package io.incidenttimeline.core.maintenance.event;

import io.incidenttimeline.core.maintenance.MaintenanceEvent;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A maintenance was announced with its window, its components and its first public message {@code updateId}. */
@Revision("1")
public record MaintenanceScheduled(String maintenanceId, String updateId, String title, String message,
                                   List<String> components, Instant scheduledFor, Instant scheduledUntil,
                                   boolean autoStart, boolean autoComplete, Instant occurredAt, Instant recordedAt) implements MaintenanceEvent {
}
