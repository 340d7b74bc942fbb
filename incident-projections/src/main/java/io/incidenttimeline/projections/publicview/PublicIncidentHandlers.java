package io.incidenttimeline.projections.publicview;

import io.incidenttimeline.core.incident.IncidentEvent;
import io.incidenttimeline.core.incident.event.ImpactChanged;
import io.incidenttimeline.core.incident.event.ImpactWindowRecorded;
import io.incidenttimeline.core.incident.event.IncidentDeclared;
import io.incidenttimeline.core.incident.event.PostMortemPublished;
import io.incidenttimeline.core.incident.event.RemediationItemCompleted;
import io.incidenttimeline.core.incident.event.TranslationAdded;
import io.incidenttimeline.core.incident.event.UpdateAmended;
import io.incidenttimeline.core.incident.event.UpdatePosted;
import io.incidenttimeline.core.incident.event.UpdateRetracted;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;

/**
 * The events {@link PublicIncidentFold} folds, one handler each, for everything kept of the public incidents: the
 * public view, the incident metrics and the subscriber webhooks' copy of the page.
 */
public interface PublicIncidentHandlers {

    /** Folds one of an incident's events; the aggregate identifier of an incident's stream is the incident id. */
    void incident(IncidentEvent event, DomainEventMessage<?> message);

    @EventHandler
    default void on(IncidentDeclared event, DomainEventMessage<?> message) {
        incident(event, message);
    }

    @EventHandler
    default void on(UpdatePosted event, DomainEventMessage<?> message) {
        incident(event, message);
    }

    @EventHandler
    default void on(UpdateAmended event, DomainEventMessage<?> message) {
        incident(event, message);
    }

    @EventHandler
    default void on(UpdateRetracted event, DomainEventMessage<?> message) {
        incident(event, message);
    }

    @EventHandler
    default void on(ImpactWindowRecorded event, DomainEventMessage<?> message) {
        incident(event, message);
    }

    @EventHandler
    default void on(ImpactChanged event, DomainEventMessage<?> message) {
        incident(event, message);
    }

    @EventHandler
    default void on(PostMortemPublished event, DomainEventMessage<?> message) {
        incident(event, message);
    }

    @EventHandler
    default void on(RemediationItemCompleted event, DomainEventMessage<?> message) {
        incident(event, message);
    }

    @EventHandler
    default void on(TranslationAdded event, DomainEventMessage<?> message) {
        incident(event, message);
    }
}
