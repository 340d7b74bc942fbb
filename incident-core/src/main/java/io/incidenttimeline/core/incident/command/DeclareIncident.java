package io.incidenttimeline.core.incident.command;

import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens an incident together with its first update, whose id the caller assigns. */
public record DeclareIncident(@TargetAggregateIdentifier String incidentId, String title, String locale, Impact impact,
                              IncidentStatus status, String message, Visibility visibility,
                              Map<String, ComponentStatus> components, List<String> regions, String initialUpdateId,
                              Instant occurredAt, Instant nextUpdateDueAt, Integer nextUpdateInMinutes) {
}
