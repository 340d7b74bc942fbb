package io.incidenttimeline.projections.metrics;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * How many incidents had a measure, and its median and 90th percentile over them (null when none had it). Percentiles
 * interpolate linearly between the two nearest ranks, as PostgreSQL's {@code percentile_cont} and spreadsheets'
 * {@code PERCENTILE.INC} do: of 1, 2, 3 and 4 hours the median is 2.5 hours and the 90th percentile 3.7 hours.
 */
public record DurationStats(int count, Duration median, Duration p90) {

    public static final DurationStats NONE = new DurationStats(0, null, null);

    public static DurationStats of(List<Duration> durations) {
        if (durations.isEmpty()) {
            return NONE;
        }
        List<Duration> sorted = durations.stream().sorted(Comparator.naturalOrder()).toList();
        return new DurationStats(sorted.size(), percentile(sorted, 0.5), percentile(sorted, 0.9));
    }

    /** The {@code q}-quantile of {@code sorted} (ascending, not empty), between the ranks around {@code q * (n - 1)}. */
    static Duration percentile(List<Duration> sorted, double q) {
        double rank = q * (sorted.size() - 1);
        int lower = (int) Math.floor(rank);
        int upper = (int) Math.ceil(rank);
        Duration low = sorted.get(lower);
        if (lower == upper) {
            return low;
        }
        long spanNanos = sorted.get(upper).minus(low).toNanos();
        return low.plusNanos(Math.round(spanNanos * (rank - lower)));
    }
}
