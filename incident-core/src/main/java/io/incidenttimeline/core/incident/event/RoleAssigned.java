package io.incidenttimeline.core.incident.event;

import io.incidenttimeline.core.incident.IncidentEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A person took a role of the incident: {@code holder} is their name as text (never an email address), and
 * {@code previousHolder} the one they took it over from (null when nobody held it). Who assigned it is the actor of
 * the event's audit metadata. Internal: never on the public page.
 */
@Revision("1")
public record RoleAssigned(String incidentId, String role, String holder, String previousHolder, String reason,
                           Instant occurredAt, Instant recordedAt) implements IncidentEvent {
}
