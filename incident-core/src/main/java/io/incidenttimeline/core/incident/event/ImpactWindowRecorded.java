package io.incidenttimeline.core.incident.event;

import io.incidenttimeline.core.incident.IncidentEvent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** When customers were affected; each later one corrects the earlier, and every one is kept. */
@Revision("1")
public record ImpactWindowRecorded(String incidentId, Instant startedAt, Instant endedAt, String reason,
                                   Instant occurredAt, Instant recordedAt) implements IncidentEvent {
}
