package io.incidenttimeline.projections.componenthistory;

import io.incidenttimeline.core.shared.ComponentStatus;
import java.time.LocalDate;

/**
 * One UTC day of a component's uptime bar.
 *
 * @param worst          the worst status the component had that day, OPERATIONAL when none other; null when nothing
 *                       is known of that day (before the component existed, or in the future)
 * @param outageMinutes  minutes in partial or major outage (the worse status counts where incidents overlap), rounded up
 * @param degradedMinutes minutes in degraded performance and no worse, rounded up; they are not outage minutes
 */
public record UptimeDay(LocalDate date, ComponentStatus worst, long outageMinutes, long degradedMinutes) {

    public boolean known() {
        return worst != null;
    }
}
