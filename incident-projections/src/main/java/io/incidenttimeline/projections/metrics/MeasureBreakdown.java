package io.incidenttimeline.projections.metrics;

import io.incidenttimeline.core.shared.Impact;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The figures over a set of incidents: overall, per impact (each incident under the highest impact it had) and per
 * component (each incident under every component it touched, so the components' counts may add up to more than the
 * incidents).
 */
public record MeasureBreakdown(Group overall, Map<Impact, Group> byImpact, Map<String, Group> byComponent) {

    /** How many incidents, and each measure's count, median and 90th percentile among them. */
    public record Group(int incidents, Map<Measure, DurationStats> measures) {

        public static Group of(Collection<MeasuredIncident> incidents) {
            Map<Measure, DurationStats> measures = new EnumMap<>(Measure.class);
            for (Measure measure : Measure.values()) {
                List<Duration> durations = incidents.stream().map(i -> i.duration(measure)).filter(Objects::nonNull)
                        .toList();
                measures.put(measure, DurationStats.of(durations));
            }
            return new Group(incidents.size(), Map.copyOf(measures));
        }

        public DurationStats stats(Measure measure) {
            return measures.get(measure);
        }
    }

    public static MeasureBreakdown of(List<MeasuredIncident> incidents) {
        Map<Impact, List<MeasuredIncident>> impacts = new EnumMap<>(Impact.class);
        Map<String, List<MeasuredIncident>> components = new TreeMap<>();
        for (MeasuredIncident incident : incidents) {
            impacts.computeIfAbsent(incident.impact(), i -> new java.util.ArrayList<>()).add(incident);
            incident.components().stream().distinct().forEach(component ->
                    components.computeIfAbsent(component, c -> new java.util.ArrayList<>()).add(incident));
        }
        Map<Impact, Group> byImpact = new EnumMap<>(Impact.class);
        impacts.forEach((impact, list) -> byImpact.put(impact, Group.of(list)));
        Map<String, Group> byComponent = new TreeMap<>();
        components.forEach((component, list) -> byComponent.put(component, Group.of(list)));
        return new MeasureBreakdown(Group.of(incidents), byImpact, byComponent);
    }
}
