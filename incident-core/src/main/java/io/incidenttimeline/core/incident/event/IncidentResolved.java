package io.incidenttimeline.core.incident.event;

import io.incidenttimeline.core.incident.IncidentEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The update {@code updateId} moved the incident to resolved. */
@Revision("1")
public record IncidentResolved(String incidentId, String updateId, Instant occurredAt, Instant recordedAt) implements IncidentEvent {
}
