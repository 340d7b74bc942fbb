package io.incidenttimeline.core.template;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a template under a name no live template holds; a retired template's name may be taken again. */
public record CreateTemplate(String name, TemplateKind kind, TemplateContent content) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return TemplateIds.aggregateId(name);
    }
}
