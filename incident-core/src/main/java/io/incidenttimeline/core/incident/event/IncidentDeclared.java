package io.incidenttimeline.core.incident.event;

import io.incidenttimeline.core.incident.IncidentEvent;
import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;

/** An incident was opened. Its first update follows as {@link UpdatePosted}. */
@Revision("1")
public record IncidentDeclared(String incidentId, String title, String locale, Impact impact,
                               Map<String, ComponentStatus> components, List<String> regions,
                               Instant occurredAt, Instant recordedAt) implements IncidentEvent {
}
