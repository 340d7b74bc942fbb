package io.incidenttimeline.core.incident;

/** An event of an incident's stream; read models that keep incidents handle these and no others. */
public interface IncidentEvent {
}
