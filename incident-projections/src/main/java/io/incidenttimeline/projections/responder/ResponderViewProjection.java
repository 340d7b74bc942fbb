package io.incidenttimeline.projections.responder;

import io.incidenttimeline.core.component.ComponentDefined;
import io.incidenttimeline.core.component.ComponentEvent;
import io.incidenttimeline.core.component.ComponentIds;
import io.incidenttimeline.core.component.ComponentRedefined;
import io.incidenttimeline.core.component.ComponentRetired;
import io.incidenttimeline.core.incident.IncidentEvent;
import io.incidenttimeline.core.incident.event.ImpactChanged;
import io.incidenttimeline.core.incident.event.ImpactWindowRecorded;
import io.incidenttimeline.core.incident.event.IncidentDeclared;
import io.incidenttimeline.core.incident.event.IncidentReopened;
import io.incidenttimeline.core.incident.event.IncidentResolved;
import io.incidenttimeline.core.incident.event.LifecycleTimeRecorded;
import io.incidenttimeline.core.incident.event.PostMortemPublished;
import io.incidenttimeline.core.incident.event.RemediationItemCompleted;
import io.incidenttimeline.core.incident.event.TranslationAdded;
import io.incidenttimeline.core.incident.event.UpdateAmended;
import io.incidenttimeline.core.incident.event.UpdatePosted;
import io.incidenttimeline.core.incident.event.UpdateRetracted;
import io.incidenttimeline.projections.document.DocumentProjection;
import io.incidenttimeline.projections.document.DocumentReadModel;
import io.incidenttimeline.projections.runtime.AggregateProgress;
import io.incidenttimeline.projections.runtime.ProjectionGenerations;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * The responder view, a processing group of its own: each incident's events, every one of them, folded by
 * {@link ResponderIncidentFold}, and each component's by {@link ResponderComponent#apply}. A document's version is
 * its aggregate's only because every event type of incidents and components has its handler here.
 */
@Component
@ProcessingGroup(ResponderViewProjection.NAME)
public class ResponderViewProjection implements DocumentReadModel {

    public static final String NAME = "responder-view";

    private final ResponderViewStore store;
    private final DocumentProjection documents;

    public ResponderViewProjection(ResponderViewStore store, ProjectionGenerations generations,
                                   AggregateProgress progress) {
        this.store = store;
        this.documents = new DocumentProjection(NAME, generations, progress, () -> { }, store.incidents(),
                store.components());
    }

    @Override
    public DocumentProjection documents() {
        return documents;
    }

    @EventHandler
    void on(IncidentDeclared event, DomainEventMessage<?> message) {
        incident(event, message);
    }

    @EventHandler
    void on(UpdatePosted event, DomainEventMessage<?> message) {
        incident(event, message);
    }

    @EventHandler
    void on(UpdateAmended event, DomainEventMessage<?> message) {
        incident(event, message);
    }

    @EventHandler
    void on(UpdateRetracted event, DomainEventMessage<?> message) {
        incident(event, message);
    }

    @EventHandler
    void on(IncidentResolved event, DomainEventMessage<?> message) {
        incident(event, message);
    }

    @EventHandler
    void on(IncidentReopened event, DomainEventMessage<?> message) {
        incident(event, message);
    }

    @EventHandler
    void on(ImpactWindowRecorded event, DomainEventMessage<?> message) {
        incident(event, message);
    }

    @EventHandler
    void on(LifecycleTimeRecorded event, DomainEventMessage<?> message) {
        incident(event, message);
    }

    @EventHandler
    void on(ImpactChanged event, DomainEventMessage<?> message) {
        incident(event, message);
    }

    @EventHandler
    void on(PostMortemPublished event, DomainEventMessage<?> message) {
        incident(event, message);
    }

    @EventHandler
    void on(RemediationItemCompleted event, DomainEventMessage<?> message) {
        incident(event, message);
    }

    @EventHandler
    void on(TranslationAdded event, DomainEventMessage<?> message) {
        incident(event, message);
    }

    @EventHandler
    void on(ComponentDefined event, DomainEventMessage<?> message) {
        component(event, message);
    }

    @EventHandler
    void on(ComponentRedefined event, DomainEventMessage<?> message) {
        component(event, message);
    }

    @EventHandler
    void on(ComponentRetired event, DomainEventMessage<?> message) {
        component(event, message);
    }

    /** The aggregate identifier of an incident's stream is the incident id. */
    private void incident(IncidentEvent event, DomainEventMessage<?> message) {
        Recorded recorded = Recorded.of(message);
        documents.fold(store.incidents(), message.getAggregateIdentifier(), message,
                incident -> ResponderIncidentFold.apply(incident, event, recorded));
    }

    private void component(ComponentEvent event, DomainEventMessage<?> message) {
        Recorded recorded = Recorded.of(message);
        documents.fold(store.components(), ComponentIds.componentId(message.getAggregateIdentifier()), message,
                component -> ResponderComponent.apply(component, event, recorded));
    }
}
