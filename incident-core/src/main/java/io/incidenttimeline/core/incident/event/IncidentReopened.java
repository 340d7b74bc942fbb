package io.incidenttimeline.core.incident.event;

import io.incidenttimeline.core.incident.IncidentEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A resolved incident received a non-resolved update, {@code updateId}, and is open again. */
@Revision("1")
public record IncidentReopened(String incidentId, String updateId, Instant occurredAt, Instant recordedAt) implements IncidentEvent {
}
