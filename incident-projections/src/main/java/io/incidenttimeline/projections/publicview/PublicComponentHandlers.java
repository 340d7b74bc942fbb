package io.incidenttimeline.projections.publicview;

import io.incidenttimeline.core.component.ComponentDefined;
import io.incidenttimeline.core.component.ComponentEvent;
import io.incidenttimeline.core.component.ComponentRedefined;
import io.incidenttimeline.core.component.ComponentRetired;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;

/**
 * The events {@link PublicComponent#apply} folds, one handler each, for everything kept of the public catalogue: the
 * public view and the subscriber webhooks' copy of the page.
 */
public interface PublicComponentHandlers {

    /** Folds one of a component's events into its {@link PublicComponent}. */
    void component(String componentId, ComponentEvent event, DomainEventMessage<?> message);

    @EventHandler
    default void on(ComponentDefined event, DomainEventMessage<?> message) {
        component(event.componentId(), event, message);
    }

    @EventHandler
    default void on(ComponentRedefined event, DomainEventMessage<?> message) {
        component(event.componentId(), event, message);
    }

    @EventHandler
    default void on(ComponentRetired event, DomainEventMessage<?> message) {
        component(event.componentId(), event, message);
    }
}
