package io.incidenttimeline.core.template;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Retires a template: it can no longer be applied, its history stays, and its name may be created again. */
public record RetireTemplate(String name, @TargetAggregateVersion Long expectedVersion) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return TemplateIds.aggregateId(name);
    }
}
