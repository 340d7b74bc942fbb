package io.incidenttimeline.projections.publicview;

import io.incidenttimeline.core.shared.ComponentStatus;
import io.incidenttimeline.core.shared.IncidentStatus;
import java.time.Instant;
import java.util.Map;

/**
 * One public, non-retracted update as readers see it. {@code seq} orders it among the incident's public facts;
 * {@code editedAt} is set once the text was amended.
 */
public record PublicUpdate(String id, int seq, IncidentStatus status, String message, Instant occurredAt,
                           Instant recordedAt, Instant editedAt, Instant nextUpdateDueAt,
                           Map<String, ComponentStatus> components) {

    public boolean edited() {
        return editedAt != null;
    }

    PublicUpdate amended(String newMessage, Instant at) {
        return new PublicUpdate(id, seq, status, newMessage, occurredAt, recordedAt, at, nextUpdateDueAt, components);
    }
}
