package io.incidenttimeline.core.incident.event;

import io.incidenttimeline.core.incident.IncidentEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** Nobody holds the role any more; {@code previousHolder} did. Internal: never on the public page. */
@Revision("1")
public record RoleReleased(String incidentId, String role, String previousHolder, String reason, Instant occurredAt,
                           Instant recordedAt) implements IncidentEvent {
}
