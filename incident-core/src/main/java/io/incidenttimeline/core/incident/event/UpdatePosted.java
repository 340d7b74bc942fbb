package io.incidenttimeline.core.incident.event;

import io.incidenttimeline.core.incident.IncidentEvent;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;

/** An update was posted; {@code components} holds only the component statuses this update changed. */
@Revision("1")
public record UpdatePosted(String incidentId, String updateId, IncidentStatus status, String message,
                           Visibility visibility, Map<String, ComponentStatus> components, Instant nextUpdateDueAt,
                           Instant occurredAt, Instant recordedAt) implements IncidentEvent {
}
