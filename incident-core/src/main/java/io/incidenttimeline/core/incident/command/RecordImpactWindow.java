package io.incidenttimeline.core.incident.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Records, or corrects, when customers were affected; independent of when updates were posted. */
public record RecordImpactWindow(@TargetAggregateIdentifier String incidentId, Instant startedAt, Instant endedAt,
                                 String reason, Instant occurredAt, @TargetAggregateVersion Long expectedVersion) {
}
