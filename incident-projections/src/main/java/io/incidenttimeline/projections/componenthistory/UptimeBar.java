package io.incidenttimeline.projections.componenthistory;

import java.util.List;

/**
 * A component's uptime over a window of days, oldest first.
 *
 * @param uptimePercent 100 × (1 − outage time / observed time) over the window, null when no time was observed
 */
public record UptimeBar(List<UptimeDay> days, Double uptimePercent, long outageMinutes) {
}
