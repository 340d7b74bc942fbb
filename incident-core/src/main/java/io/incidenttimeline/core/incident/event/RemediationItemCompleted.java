package io.incidenttimeline.core.incident.event;

import io.incidenttimeline.core.incident.IncidentEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record RemediationItemCompleted(String incidentId, String itemId, Instant occurredAt, Instant recordedAt) implements IncidentEvent {
}
