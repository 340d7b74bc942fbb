package io.incidenttimeline.projections.componenthistory;

import io.incidenttimeline.core.shared.ComponentStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * One component in one non-operational status, as one incident's public facts say, from {@code startedAt} to
 * {@code endedAt} (null while it lasts).
 */
public record StatusInterval(String componentId, ComponentStatus status, Instant startedAt, Instant endedAt) {

    public StatusInterval {
        Objects.requireNonNull(componentId);
        Objects.requireNonNull(status);
        Objects.requireNonNull(startedAt);
        if (endedAt != null && !endedAt.isAfter(startedAt)) {
            throw new IllegalArgumentException("an interval ends after it starts: " + startedAt + " to " + endedAt);
        }
    }

    public boolean ongoing() {
        return endedAt == null;
    }

    /** The end, or {@code now} while it lasts. */
    public Instant endOr(Instant now) {
        return endedAt == null ? now : endedAt;
    }
}
