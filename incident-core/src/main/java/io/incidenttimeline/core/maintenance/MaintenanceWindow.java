package io.incidenttimeline.core.maintenance;

import io.incidenttimeline.core.shared.CommandRejected;
import java.time.Duration;
import java.time.Instant;

/**
 * When a maintenance is planned to run. It may begin a little before the moment it is scheduled (the form was filled
 * in a few minutes ago, clocks disagree), but a window that began earlier than that is history, not a plan.
 */
public record MaintenanceWindow(Instant scheduledFor, Instant scheduledUntil) {

    /** How far in the past a window may begin: "starting now" as sent from a form filled in a moment ago. */
    public static final Duration PAST_TOLERANCE = Duration.ofMinutes(5);
    /** How far ahead a maintenance may be announced. */
    public static final Duration MAX_AHEAD = Duration.ofDays(366);
    /** The longest window: a maintenance longer than a month is a state of affairs, not a maintenance. */
    public static final Duration MAX_LENGTH = Duration.ofDays(31);

    public static MaintenanceWindow of(Instant scheduledFor, Instant scheduledUntil, Instant now) {
        if (scheduledFor == null) {
            throw CommandRejected.invalid("scheduledFor", "value-required", "scheduledFor is required");
        }
        if (scheduledUntil == null) {
            throw CommandRejected.invalid("scheduledUntil", "value-required", "scheduledUntil is required");
        }
        if (!scheduledUntil.isAfter(scheduledFor)) {
            throw CommandRejected.invalid("scheduledUntil", "maintenance-window-inverted",
                    "scheduledUntil " + scheduledUntil + " must lie after scheduledFor " + scheduledFor);
        }
        if (scheduledFor.isBefore(now.minus(PAST_TOLERANCE))) {
            throw CommandRejected.invalid("scheduledFor", "maintenance-window-in-past",
                    "scheduledFor " + scheduledFor + " lies more than " + PAST_TOLERANCE.toMinutes()
                            + " minutes in the past (now is " + now + "); schedule a window that starts now or later");
        }
        if (scheduledFor.isAfter(now.plus(MAX_AHEAD))) {
            throw CommandRejected.invalid("scheduledFor", "maintenance-window-out-of-range",
                    "scheduledFor " + scheduledFor + " lies more than " + MAX_AHEAD.toDays() + " days ahead");
        }
        if (Duration.between(scheduledFor, scheduledUntil).compareTo(MAX_LENGTH) > 0) {
            throw CommandRejected.invalid("scheduledUntil", "maintenance-window-out-of-range",
                    "the window from " + scheduledFor + " to " + scheduledUntil + " is longer than "
                            + MAX_LENGTH.toDays() + " days");
        }
        return new MaintenanceWindow(scheduledFor, scheduledUntil);
    }
}
