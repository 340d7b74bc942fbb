package io.incidenttimeline.core.component;

import io.incidenttimeline.core.shared.DomainEvent;

/** An event of a component's stream. */
public interface ComponentEvent extends DomainEvent {
}
