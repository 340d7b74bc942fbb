package io.incidenttimeline.api.admin;

import java.time.Instant;

/**
 * Where a projection stands: the generation queries read, whether a replay builds the next one, and its progress
 * against the head of the event store.
 */
public record ProjectionStatus(String name, String processor, boolean running, int activeGeneration,
                               Integer buildingGeneration, String state, Long position, long head, double percentage,
                               double eventsPerSecond, boolean caughtUp, Instant replayStartedAt, Long replayTarget,
                               Instant lastReplayCompletedAt) {
}
