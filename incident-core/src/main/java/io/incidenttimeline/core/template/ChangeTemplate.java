package io.incidenttimeline.core.template;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Replaces a live template's content; its kind stays. Incidents it filled in before keep their text: the text is in
 * their events, not a reference to the template.
 */
public record ChangeTemplate(String name, TemplateKind kind, TemplateContent content,
                             @TargetAggregateVersion Long expectedVersion) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return TemplateIds.aggregateId(name);
    }
}
