package io.incidenttimeline.core.shared;

import java.time.Duration;
import java.time.Instant;

/** Rules for the times a command may claim: when something happened, as opposed to when we recorded it. */
public final class Moments {

    /** Clocks disagree a little; a claimed time this far ahead of ours is still accepted. */
    public static final Duration ALLOWED_SKEW = Duration.ofMinutes(1);
    /**
     * The earliest time a command may claim. Incidents of earlier years may be imported, but a year-1 or
     * {@code -999999999} timestamp is a client's mistake that would sort before every real incident and break
     * every time window built on it.
     */
    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private Moments() {
    }

    /** The time the command says it happened, defaulting to now; never in the future beyond the allowed skew. */
    public static Instant occurredAt(Instant claimed, Instant now) {
        Instant occurredAt = claimed == null ? now : claimed;
        withinBounds("occurredAt", occurredAt, now);
        return occurredAt;
    }

    /** A claimed time lies between {@link #EARLIEST} and now plus the allowed skew. */
    public static void withinBounds(String field, Instant value, Instant now) {
        if (value != null && value.isBefore(EARLIEST)) {
            throw CommandRejected.invalid(field, "time-out-of-range",
                    field + " " + value + " lies before " + EARLIEST + ", the earliest time accepted");
        }
        notInFuture(field, value, now);
    }

    public static void notInFuture(String field, Instant value, Instant now) {
        if (value != null && value.isAfter(now.plus(ALLOWED_SKEW))) {
            throw CommandRejected.invalid(field, "time-in-future",
                    field + " " + value + " lies in the future (now is " + now + "; one minute of skew is allowed)");
        }
    }
}
