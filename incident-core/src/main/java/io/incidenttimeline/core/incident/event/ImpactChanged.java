package io.incidenttimeline.core.incident.event;

import io.incidenttimeline.core.incident.IncidentEvent;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import java.time.Instant;
import java.util.Map;
import org.axonframework.serialization.Revision;

/** The incident's impact and its complete set of affected components with their statuses. */
@Revision("1")
public record ImpactChanged(String incidentId, Impact impact, Map<String, ComponentStatus> components,
                            Instant occurredAt, Instant recordedAt) implements IncidentEvent {
}
