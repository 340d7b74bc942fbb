package io.incidenttimeline.core.incident.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record CompleteRemediationItem(@TargetAggregateIdentifier String incidentId, String itemId, Instant occurredAt,
                                      @TargetAggregateVersion Long expectedVersion) {
}
