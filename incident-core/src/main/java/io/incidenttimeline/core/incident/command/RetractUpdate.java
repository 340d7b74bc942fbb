package io.incidenttimeline.core.incident.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record RetractUpdate(@TargetAggregateIdentifier String incidentId, String updateId, String reason,
                            Instant occurredAt, @TargetAggregateVersion Long expectedVersion) {
}
