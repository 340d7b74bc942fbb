package io.incidenttimeline.projections.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Metrics over the incidents whose impact started in {@code [from, to)}: mean time to resolve over the resolved ones,
 * median time to the first public update, the promises kept and broken, and each {@link Measure}'s count, median and
 * 90th percentile overall, by impact and by component.
 */
public record MetricsSummary(Instant from, Instant to, int incidents, int resolved, Duration meanTimeToResolve,
                             Duration medianTimeToFirstPublicUpdate, long promisesKept, long promisesBroken,
                             MeasureBreakdown breakdown) {

    public static MetricsSummary of(Instant from, Instant to, List<IncidentMetrics> metrics) {
        List<Duration> resolve = metrics.stream().map(IncidentMetrics::timeToResolve).filter(Objects::nonNull).toList();
        List<Duration> first = metrics.stream().map(IncidentMetrics::timeToFirstPublicUpdate).filter(Objects::nonNull)
                .toList();
        Duration mean = resolve.isEmpty() ? null
                : resolve.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(resolve.size());
        return new MetricsSummary(from, to, metrics.size(), resolve.size(), mean, DurationStats.of(first).median(),
                metrics.stream().mapToLong(IncidentMetrics::promisesKept).sum(),
                metrics.stream().mapToLong(IncidentMetrics::promisesBroken).sum(),
                MeasureBreakdown.of(metrics.stream().map(IncidentMetrics::measured).toList()));
    }
}
