package io.incidenttimeline.core.incident.command;

import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import java.time.Instant;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record PostUpdate(@TargetAggregateIdentifier String incidentId, String updateId, IncidentStatus status,
                         String message, Visibility visibility, Map<String, ComponentStatus> components,
                         Instant occurredAt, Instant nextUpdateDueAt, Integer nextUpdateInMinutes,
                         @TargetAggregateVersion Long expectedVersion) {
}
