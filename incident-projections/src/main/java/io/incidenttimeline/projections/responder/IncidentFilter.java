package io.incidenttimeline.projections.responder;

import java.time.Instant;

/**
 * Which incidents a list holds; a null field does not filter.
 *
 * @param resolved  resolved ones only, or open ones only
 * @param visible   those on the public page (a live public update), or those that are not (internal only)
 * @param component those that named this component at any time
 * @param from      declared at or after
 * @param to        declared before
 */
public record IncidentFilter(Boolean resolved, Boolean visible, String component, Instant from, Instant to) {
}
