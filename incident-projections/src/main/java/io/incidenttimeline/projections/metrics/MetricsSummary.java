package io.incidenttimeline.projections.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Metrics over the incidents whose impact started in {@code [from, to)}: mean time to resolve over the resolved ones,
 * median time to the first public update, and the promises kept and broken.
 */
public record MetricsSummary(Instant from, Instant to, int incidents, int resolved, Duration meanTimeToResolve,
                             Duration medianTimeToFirstPublicUpdate, long promisesKept, long promisesBroken) {

    public static MetricsSummary of(Instant from, Instant to, List<IncidentMetrics> metrics) {
        List<Duration> resolve = metrics.stream().map(IncidentMetrics::timeToResolve).filter(Objects::nonNull).toList();
        List<Duration> first = metrics.stream().map(IncidentMetrics::timeToFirstPublicUpdate).filter(Objects::nonNull)
                .sorted(Comparator.naturalOrder()).toList();
        Duration mean = resolve.isEmpty() ? null
                : resolve.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(resolve.size());
        return new MetricsSummary(from, to, metrics.size(), resolve.size(), mean, median(first),
                metrics.stream().mapToLong(IncidentMetrics::promisesKept).sum(),
                metrics.stream().mapToLong(IncidentMetrics::promisesBroken).sum());
    }

    private static Duration median(List<Duration> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }
}
