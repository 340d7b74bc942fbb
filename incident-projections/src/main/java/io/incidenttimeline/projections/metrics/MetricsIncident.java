package io.incidenttimeline.projections.metrics;

import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.projections.publicview.PublicIncident;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One incident as the metrics read model keeps it, built by {@link IncidentMetricsFold}: its public view (what readers
 * were told, and when) beside internal facts readers never see: the lifecycle times responders recorded, the update
 * that resolved it, the highest impact it had and every component it touched. Only responders and auditors read it.
 *
 * @param lifecycle per moment ({@code detected}, {@code acknowledged}, {@code mitigated}, {@code resolved} and
 *                  configured extras) the time most recently recorded for it; {@code resolved} is the resolving
 *                  update's time until a recording corrects it, and absent while a reopened incident is open (as the
 *                  incident itself keeps it)
 */
public record MetricsIncident(String id, PublicIncident view, Impact highestImpact, List<String> components,
                              Map<String, Instant> lifecycle) {

    public static final String DETECTED = "detected";
    public static final String ACKNOWLEDGED = "acknowledged";
    public static final String MITIGATED = "mitigated";
    public static final String RESOLVED = "resolved";

    public MetricsIncident {
        components = List.copyOf(new TreeSet<>(components));
        lifecycle = Map.copyOf(lifecycle);
    }

    /** When customers were first affected as far as is known: the impact window's start, else the declaration. */
    public Instant impactStartedAt() {
        return view.startedAt();
    }

    /** The recorded {@code resolved} time, else when the resolving update occurred; null while open. */
    public Instant resolvedAt() {
        return lifecycle.get(RESOLVED);
    }

    /** The recorded moments, sorted by name. */
    public Map<String, Instant> moments() {
        return new TreeMap<>(lifecycle);
    }

    MetricsIncident with(PublicIncident newView, Impact newHighest, List<String> newComponents,
                         Map<String, Instant> newLifecycle) {
        return new MetricsIncident(id, newView, newHighest, newComponents, newLifecycle);
    }
}
