package io.incidenttimeline.core.incident;

import io.incidenttimeline.core.shared.CommandRejected;
import java.time.Duration;
import java.time.Instant;

/** "Next update in 30 minutes": when the promised update is due, at most a day after the update that made it. */
final class NextUpdatePromise {

    static final Duration MAX_AHEAD = Duration.ofHours(24);

    private NextUpdatePromise() {
    }

    static Instant dueAt(Instant dueAt, Integer inMinutes, Instant updateOccurredAt) {
        if (dueAt != null && inMinutes != null) {
            throw CommandRejected.invalid("nextUpdateDueAt", "next-update-ambiguous",
                    "give either nextUpdateDueAt or nextUpdateInMinutes, not both");
        }
        if (inMinutes != null) {
            if (inMinutes < 1 || inMinutes > MAX_AHEAD.toMinutes()) {
                throw CommandRejected.invalid("nextUpdateInMinutes", "next-update-out-of-range",
                        "nextUpdateInMinutes must be between 1 and " + MAX_AHEAD.toMinutes());
            }
            return updateOccurredAt.plus(Duration.ofMinutes(inMinutes));
        }
        if (dueAt != null && (!dueAt.isAfter(updateOccurredAt) || dueAt.isAfter(updateOccurredAt.plus(MAX_AHEAD)))) {
            throw CommandRejected.invalid("nextUpdateDueAt", "next-update-out-of-range",
                    "nextUpdateDueAt must lie after the update (" + updateOccurredAt + ") and at most 24 hours ahead of it");
        }
        return dueAt;
    }
}
