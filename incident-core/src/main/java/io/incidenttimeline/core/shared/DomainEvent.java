package io.incidenttimeline.core.shared;

import java.time.Instant;

/**
 * An event of any stream, with the two times every event carries: when it happened as the actor told it, and when it
 * was recorded.
 */
public interface DomainEvent {

    Instant occurredAt();

    Instant recordedAt();
}
