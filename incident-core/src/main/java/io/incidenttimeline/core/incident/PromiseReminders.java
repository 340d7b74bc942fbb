package io.incidenttimeline.core.incident;

import java.time.Duration;

/** How long before a "next update by" promise falls due its due-soon reminder is raised. */
public record PromiseReminders(Duration leadTime) {

    public static final PromiseReminders DEFAULT = new PromiseReminders(Duration.ofMinutes(5));

    public PromiseReminders {
        if (leadTime == null || leadTime.isNegative() || leadTime.isZero()) {
            throw new IllegalArgumentException("the reminder lead time must be positive, not " + leadTime);
        }
    }
}
