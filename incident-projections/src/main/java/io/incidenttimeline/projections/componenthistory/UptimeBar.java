package io.incidenttimeline.projections.componenthistory;

import java.time.Instant;
import java.util.List;

/**
 * A component's uptime over a window of days, oldest first.
 *
 * @param uptimePercent 100 × (1 − outage time / observed time) over the window, null when no time was observed
 * @param observedSince the component's first known moment when it lies within the window (a component younger than
 *                      the window: its uptime covers only its own lifetime, and a page must say "since"); null when
 *                      the whole window was observed, or none of it
 */
public record UptimeBar(List<UptimeDay> days, Double uptimePercent, long outageMinutes, Instant observedSince) {
}
