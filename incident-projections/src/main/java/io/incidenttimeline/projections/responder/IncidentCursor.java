package io.incidenttimeline.projections.responder;

import java.time.Instant;

/**
 * Where a page of incidents ended: lists run newest declaration first and, among incidents declared at the same
 * instant, by id; the next page starts after this one. Positions are keys, not offsets, so incidents declared
 * meanwhile do not shift the pages still to come.
 */
public record IncidentCursor(Instant declaredAt, String incidentId) {
}
