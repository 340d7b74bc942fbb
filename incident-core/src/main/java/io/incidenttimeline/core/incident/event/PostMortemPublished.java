package io.incidenttimeline.core.incident.event;

import io.incidenttimeline.core.incident.IncidentEvent;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Revision {@code revision} (1 for the first publication) of the post-mortem, complete. */
@Revision("1")
public record PostMortemPublished(String incidentId, int revision, String summary, String rootCause,
                                  String resolution, List<RemediationItem> remediation, Instant occurredAt,
                                  Instant recordedAt) implements IncidentEvent {
}
