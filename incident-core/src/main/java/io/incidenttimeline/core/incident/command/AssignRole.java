package io.incidenttimeline.core.incident.command;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Gives a role of the incident ({@code lead}, {@code communications} or another configured one) to a person, named
 * as text; giving it to someone else hands it over. Who assigns is the command's actor, in its audit metadata.
 */
public record AssignRole(@TargetAggregateIdentifier String incidentId, String role, String holder, String reason,
                         Instant occurredAt, @TargetAggregateVersion Long expectedVersion) {
}
