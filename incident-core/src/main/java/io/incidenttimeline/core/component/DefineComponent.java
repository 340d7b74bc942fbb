package io.incidenttimeline.core.component;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds a component to the catalogue, or changes its name, group, position or description. */
public record DefineComponent(String componentId, String name, String group, Integer position,
                              String description, Instant occurredAt) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ComponentIds.aggregateId(componentId);
    }
}
