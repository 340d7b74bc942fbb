package io.incidenttimeline.core.incident.command;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Publishes the post-mortem, or a new numbered revision of it. */
public record PublishPostMortem(@TargetAggregateIdentifier String incidentId, String summary, String rootCause,
                                String resolution, List<RemediationItemDraft> remediation, Instant occurredAt,
                                @TargetAggregateVersion Long expectedVersion) {
}
