package io.incidenttimeline.projections.metrics;

import io.incidenttimeline.core.incident.event.ImpactChanged;
import io.incidenttimeline.core.incident.event.IncidentDeclared;
import io.incidenttimeline.core.incident.event.IncidentReopened;
import io.incidenttimeline.core.incident.event.IncidentResolved;
import io.incidenttimeline.core.incident.event.LifecycleTimeRecorded;
import io.incidenttimeline.core.incident.event.UpdatePosted;
import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.projections.publicview.PublicIncidentFold;
import io.incidenttimeline.projections.support.EventFold;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one implementation of the metrics read model's incident: the public view folded by {@link PublicIncidentFold},
 * and beside it the lifecycle times (a later time for a moment replaces the earlier; the resolving update sets
 * {@code resolved} and reopening clears it, as the incident does), the highest impact and the components touched,
 * internal updates' included. Pure.
 */
public final class IncidentMetricsFold {

    private IncidentMetricsFold() {
    }

    public static MetricsIncident fold(List<?> events) {
        return EventFold.fromStart(events, IncidentMetricsFold::apply);
    }

    public static MetricsIncident apply(MetricsIncident state, Object event) {
        if (event instanceof IncidentDeclared declared) {
            return new MetricsIncident(declared.incidentId(), PublicIncidentFold.apply(null, declared),
                    declared.impact(), List.copyOf(declared.components().keySet()), Map.of());
        }
        if (state == null) {
            return null;
        }
        var view = PublicIncidentFold.apply(state.view(), event);
        Impact highest = state.highestImpact();
        List<String> components = state.components();
        Map<String, Instant> lifecycle = state.lifecycle();
        if (event instanceof LifecycleTimeRecorded recorded) {
            lifecycle = with(lifecycle, recorded.moment(), recorded.at());
        } else if (event instanceof IncidentResolved resolved) {
            lifecycle = with(lifecycle, MetricsIncident.RESOLVED, resolved.occurredAt());
        } else if (event instanceof IncidentReopened) {
            lifecycle = with(lifecycle, MetricsIncident.RESOLVED, null);
        } else if (event instanceof ImpactChanged changed) {
            highest = changed.impact().compareTo(highest) > 0 ? changed.impact() : highest;
            components = touched(components, changed.components().keySet());
        } else if (event instanceof UpdatePosted posted) {
            components = touched(components, posted.components().keySet());
        }
        return state.with(view, highest, components, lifecycle);
    }

    private static Map<String, Instant> with(Map<String, Instant> lifecycle, String moment, Instant at) {
        Map<String, Instant> times = new HashMap<>(lifecycle);
        if (at == null) {
            times.remove(moment);
        } else {
            times.put(moment, at);
        }
        return times;
    }

    private static List<String> touched(List<String> before, Set<String> named) {
        List<String> all = new ArrayList<>(before);
        all.addAll(named);
        return all;
    }
}
