package io.incidenttimeline.projections.template;

import io.incidenttimeline.core.template.TemplateChanged;
import io.incidenttimeline.core.template.TemplateCreated;
import io.incidenttimeline.core.template.TemplateEvent;
import io.incidenttimeline.core.template.TemplateIds;
import io.incidenttimeline.core.template.TemplateRetired;
import io.incidenttimeline.projections.document.DocumentProjection;
import io.incidenttimeline.projections.document.DocumentReadModel;
import io.incidenttimeline.projections.responder.Recorded;
import io.incidenttimeline.projections.runtime.AggregateProgress;
import io.incidenttimeline.projections.runtime.ProjectionGenerations;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * The template view, a processing group of its own: each template's events folded by {@link TemplateFold}. Only
 * responders and auditors read it; nothing public does, and no incident's view depends on it.
 */
@Component
@ProcessingGroup(TemplateViewProjection.NAME)
public class TemplateViewProjection implements DocumentReadModel {

    public static final String NAME = "template-view";

    private final TemplateViewStore store;
    private final DocumentProjection documents;

    public TemplateViewProjection(TemplateViewStore store, ProjectionGenerations generations,
                                  AggregateProgress progress) {
        this.store = store;
        this.documents = new DocumentProjection(NAME, generations, progress, () -> { }, store.templates());
    }

    @Override
    public DocumentProjection documents() {
        return documents;
    }

    @EventHandler
    void on(TemplateCreated event, DomainEventMessage<?> message) {
        template(event, message);
    }

    @EventHandler
    void on(TemplateChanged event, DomainEventMessage<?> message) {
        template(event, message);
    }

    @EventHandler
    void on(TemplateRetired event, DomainEventMessage<?> message) {
        template(event, message);
    }

    private void template(TemplateEvent event, DomainEventMessage<?> message) {
        Recorded recorded = Recorded.of(message);
        documents.fold(store.templates(), TemplateIds.name(message.getAggregateIdentifier()), message,
                template -> TemplateFold.apply(template, event, recorded));
    }
}
