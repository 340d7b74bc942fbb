package io.incidenttimeline.projections.responder;

import java.time.Instant;

/**
 * Who said something and when: the actor and channel of the event's audit metadata, the time it claims to have
 * happened at and the time it was recorded.
 */
public record Authored(String by, String channel, Instant at, Instant recordedAt) {
}
