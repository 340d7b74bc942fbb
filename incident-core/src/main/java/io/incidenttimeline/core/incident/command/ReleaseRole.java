package io.incidenttimeline.core.incident.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Leaves a role of the incident without a holder; releasing a role nobody holds changes nothing. */
public record ReleaseRole(@TargetAggregateIdentifier String incidentId, String role, String reason,
                          Instant occurredAt, @TargetAggregateVersion Long expectedVersion) {
}
