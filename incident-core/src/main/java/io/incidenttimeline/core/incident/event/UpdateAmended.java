package io.incidenttimeline.core.incident.event;

import io.incidenttimeline.core.incident.IncidentEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** An update's text was corrected; the original stays in the history as its {@link UpdatePosted}. */
@Revision("1")
public record UpdateAmended(String incidentId, String updateId, String message, String reason, Instant occurredAt,
                            Instant recordedAt) implements IncidentEvent {
}
