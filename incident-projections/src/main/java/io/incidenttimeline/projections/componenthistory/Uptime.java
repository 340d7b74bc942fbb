package io.incidenttimeline.projections.componenthistory;

import io.incidenttimeline.core.shared.ComponentStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Uptime bars from status intervals, per UTC day. At every moment the component has the worst status of the
 * intervals covering it (operational when none does). Partial and major outage count as outage; degraded performance
 * and maintenance do not (the service answered), but show as the day's worst status. The uptime percentage is
 * {@code 100 × (1 − outage time / observed time)}, where observed time runs from the component's first known moment (its
 * definition or its first interval, whichever is earlier) to now, within the window; a component younger than the
 * window has its uptime over its own lifetime, and the bar says since when. Pure: {@code now} is given.
 */
public final class Uptime {

    public static final int DAYS = 90;
    private static final long MINUTE_MILLIS = 60_000;

    private Uptime() {
    }

    /**
     * The bar of the {@code days} UTC days up to and including the day of {@code now}.
     *
     * @param knownFrom the component's first known moment; earlier days have no data
     */
    public static UptimeBar bar(Collection<StatusInterval> intervals, Instant knownFrom, Instant now, int days) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Instant observedFrom = intervals.stream().map(StatusInterval::startedAt).filter(knownFrom::isAfter)
                .min(Instant::compareTo).orElse(knownFrom);
        List<UptimeDay> bar = new ArrayList<>(days);
        long observed = 0;
        long outage = 0;
        for (LocalDate date = today.minusDays(days - 1L); !date.isAfter(today); date = date.plusDays(1)) {
            Instant dayStart = date.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant from = max(dayStart, observedFrom);
            Instant to = min(date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), now);
            if (!from.isBefore(to)) {
                bar.add(new UptimeDay(date, null, 0, 0));
                continue;
            }
            Span span = span(intervals, from, to, now);
            observed += to.toEpochMilli() - from.toEpochMilli();
            outage += span.outageMillis;
            bar.add(new UptimeDay(date, span.worst, minutes(span.outageMillis), minutes(span.degradedMillis)));
        }
        Double percent = observed == 0 ? null : 100.0 * (1.0 - (double) outage / observed);
        Instant windowStart = today.minusDays(days - 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant since = observed > 0 && observedFrom.isAfter(windowStart) ? observedFrom : null;
        return new UptimeBar(List.copyOf(bar), percent, minutes(outage), since);
    }

    private record Span(ComponentStatus worst, long outageMillis, long degradedMillis) {
    }

    /** The worst status and the outage and degraded time within [from, to). */
    private static Span span(Collection<StatusInterval> intervals, Instant from, Instant to, Instant now) {
        List<StatusInterval> within = intervals.stream()
                .filter(i -> i.startedAt().isBefore(to) && i.endOr(now).isAfter(from)).toList();
        TreeSet<Instant> cuts = new TreeSet<>(List.of(from, to));
        for (StatusInterval interval : within) {
            cuts.add(max(interval.startedAt(), from));
            cuts.add(min(interval.endOr(now), to));
        }
        ComponentStatus worst = ComponentStatus.OPERATIONAL;
        long outage = 0;
        long degraded = 0;
        Instant start = null;
        for (Instant cut : cuts) {
            if (start != null) {
                ComponentStatus status = statusDuring(within, start, now);
                long millis = cut.toEpochMilli() - start.toEpochMilli();
                if (status.ordinal() > worst.ordinal()) {
                    worst = status;
                }
                if (status == ComponentStatus.PARTIAL_OUTAGE || status == ComponentStatus.MAJOR_OUTAGE) {
                    outage += millis;
                } else if (status == ComponentStatus.DEGRADED_PERFORMANCE) {
                    degraded += millis;
                }
            }
            start = cut;
        }
        return new Span(worst, outage, degraded);
    }

    /** The worst status of the intervals covering the piece that begins at {@code at}. */
    private static ComponentStatus statusDuring(List<StatusInterval> intervals, Instant at, Instant now) {
        ComponentStatus worst = ComponentStatus.OPERATIONAL;
        for (StatusInterval interval : intervals) {
            if (!interval.startedAt().isAfter(at) && interval.endOr(now).isAfter(at)
                    && interval.status().ordinal() > worst.ordinal()) {
                worst = interval.status();
            }
        }
        return worst;
    }

    private static long minutes(long millis) {
        return (millis + MINUTE_MILLIS - 1) / MINUTE_MILLIS;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
