package io.incidenttimeline.projections.publicview;

import io.incidenttimeline.core.component.ComponentEvent;
import io.incidenttimeline.core.incident.IncidentEvent;
import io.incidenttimeline.projections.document.DocumentProjection;
import io.incidenttimeline.projections.document.DocumentReadModel;
import io.incidenttimeline.projections.runtime.AggregateProgress;
import io.incidenttimeline.projections.runtime.ProjectionGenerations;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

/**
 * Keeps the public view: each incident's events are folded by {@link PublicIncidentFold} into its document, each
 * component's into its {@link PublicComponent}. Once a batch that changed either has committed, readers of the page
 * are told it changed.
 */
@Component
@ProcessingGroup(PublicViewProjection.NAME)
public class PublicViewProjection implements PublicIncidentHandlers, PublicComponentHandlers, DocumentReadModel {

    public static final String NAME = "public-view";

    private final PublicViewStore store;
    private final DocumentProjection documents;

    public PublicViewProjection(PublicViewStore store, ProjectionGenerations generations, AggregateProgress progress,
                                PublicPageChanges changes) {
        this.store = store;
        this.documents = new DocumentProjection(NAME, generations, progress, changes::changed, store.incidents(),
                store.components());
    }

    @Override
    public DocumentProjection documents() {
        return documents;
    }

    @Override
    public void component(String componentId, ComponentEvent event, DomainEventMessage<?> message) {
        documents.fold(store.components(), componentId, message, component -> PublicComponent.apply(component, event));
    }

    @Override
    public void incident(IncidentEvent event, DomainEventMessage<?> message) {
        documents.fold(store.incidents(), message.getAggregateIdentifier(), message,
                incident -> PublicIncidentFold.apply(incident, event));
    }
}
