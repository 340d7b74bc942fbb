package io.incidenttimeline.projections.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One stored event as the audit trail shows it: where it is in the store, what it is, who caused it, and how. */
public record AuditEntry(long position, String eventId, String type, String revision, String aggregateId,
                         String incidentId, Instant occurredAt, Instant recordedAt, String actor, String role,
                         String channel, String correlationId, String idempotencyKey, JsonNode payload) {
}
