package io.incidenttimeline.projections.audit;

import java.time.Instant;

/** Which audit entries to list; null fields do not filter. {@code from} is inclusive, {@code to} exclusive. */
public record AuditFilter(String incidentId, String actor, String type, Instant from, Instant to) {
}
