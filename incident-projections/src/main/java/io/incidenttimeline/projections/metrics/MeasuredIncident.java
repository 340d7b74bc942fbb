package io.incidenttimeline.projections.metrics;

import io.incidenttimeline.core.shared.Impact;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the figures over a period need of one incident: the impact it is counted under (the highest it had), every
 * component it touched, and the measures it has (a measure whose moments are unknown is absent).
 */
public record MeasuredIncident(String incidentId, Impact impact, List<String> components,
                               Map<Measure, Duration> durations) {

    public MeasuredIncident {
        components = List.copyOf(components);
        durations = durations.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(durations));
    }

    public Duration duration(Measure measure) {
        return durations.get(measure);
    }
}
