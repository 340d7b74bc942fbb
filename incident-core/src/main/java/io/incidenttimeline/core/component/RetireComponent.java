package io.incidenttimeline.core.component;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Takes a component off the catalogue the page and the pickers show. Its past stays: incidents that named it still
 * name it, and its uptime history is kept.
 */
public record RetireComponent(String componentId, String reason, Instant occurredAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ComponentIds.aggregateId(componentId);
    }
}
