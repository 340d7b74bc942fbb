package io.incidenttimeline.core.incident;

import io.incidenttimeline.core.shared.DomainEvent;

/** An event of an incident's stream; read models that keep incidents handle these and no others. */
public interface IncidentEvent extends DomainEvent {
}
