package io.incidenttimeline.core.incident.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Records, or corrects, when a moment of the incident's life happened ({@code detected}, {@code acknowledged},
 * {@code mitigated}, {@code resolved} or a configured extra); a correction says why in {@code reason}.
 */
public record RecordLifecycleTime(@TargetAggregateIdentifier String incidentId, String moment, Instant at,
                                  String reason, Instant occurredAt, @TargetAggregateVersion Long expectedVersion) {
}
