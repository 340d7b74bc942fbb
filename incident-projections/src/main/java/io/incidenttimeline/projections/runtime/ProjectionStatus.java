package io.incidenttimeline.projections.runtime;

import java.time.Instant;
import java.util.List;

/**
 * Where a projection stands: the generation queries read, whether a replay builds the next one, and its progress
 * against the head of the event store. {@code running} is this node's processor; {@code position} is the lowest
 * position of all segments, whichever node owns them, so {@code caughtUp} means every event up to {@code head} is in.
 */
public record ProjectionStatus(String name, String processor, boolean running, int activeGeneration,
                               Integer buildingGeneration, String state, Long position, long head, double percentage,
                               double eventsPerSecond, boolean caughtUp, Instant replayStartedAt, Long replayTarget,
                               Instant lastReplayCompletedAt, List<SegmentStatus> segments) {

    /** One segment of the processor: the node whose claim on it is live (null while nobody's is) and its position. */
    public record SegmentStatus(int segment, String owner, Long position) {
    }
}
