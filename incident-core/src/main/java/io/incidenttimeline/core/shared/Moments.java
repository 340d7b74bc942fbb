package io.incidenttimeline.core.shared;

import java.time.Duration;
import java.time.Instant;

/** Rules for the times a command may claim: when something happened, as opposed to when we recorded it. */
public final class Moments {

    /** Clocks disagree a little; a claimed time this far ahead of ours is still accepted. */
    public static final Duration ALLOWED_SKEW = Duration.ofMinutes(1);

    private Moments() {
    }

    /** The time the command says it happened, defaulting to now; never in the future beyond the allowed skew. */
    public static Instant occurredAt(Instant claimed, Instant now) {
        Instant occurredAt = claimed == null ? now : claimed;
        notInFuture("occurredAt", occurredAt, now);
        return occurredAt;
    }

    public static void notInFuture(String field, Instant value, Instant now) {
        if (value != null && value.isAfter(now.plus(ALLOWED_SKEW))) {
            throw CommandRejected.invalid(field, "time-in-future",
                    field + " " + value + " lies in the future (now is " + now + "; one minute of skew is allowed)");
        }
    }
}
