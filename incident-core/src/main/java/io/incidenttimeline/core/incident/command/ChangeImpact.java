package io.incidenttimeline.core.incident.command;

import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.Impact;
import java.time.Instant;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Sets the incident's impact and replaces its affected components with their statuses. */
public record ChangeImpact(@TargetAggregateIdentifier String incidentId, Impact impact,
                           Map<String, ComponentStatus> components, Instant occurredAt,
                           @TargetAggregateVersion Long expectedVersion) {
}
