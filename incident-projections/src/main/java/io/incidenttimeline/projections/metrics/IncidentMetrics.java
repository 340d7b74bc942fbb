package io.incidenttimeline.projections.metrics;

import io.incidenttimeline.core.shared.Impact;
import io.incidenttimeline.projections.publicview.PublicIncident;
import io.incidenttimeline.projections.publicview.PublicUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An incident's metrics: its moments (impact start, the lifecycle times responders recorded, the first public
 * update, resolution), the durations between them (see {@link Measure}), and each "next update by" promise with its
 * outcome. Pure; {@code now} decides only whether an unanswered promise is already broken.
 *
 * @param impact     the highest impact the incident had, which the figures over a period group it by
 * @param components every component the incident touched, sorted
 * @param moments    every lifecycle time recorded, configured extras included, by moment
 */
public record IncidentMetrics(String incidentId, Instant impactStartedAt, Instant firstPublicUpdateAt,
                              Duration timeToFirstPublicUpdate, Instant resolvedAt, Duration timeToResolve,
                              List<Promise> promises, long promisesKept, long promisesBroken, long promisesPending,
                              Impact impact, List<String> components, Map<String, Instant> moments,
                              Instant detectedAt, Instant acknowledgedAt, Instant mitigatedAt,
                              Map<Measure, Duration> durations) {

    public enum Outcome { KEPT, BROKEN, PENDING }

    /** A promise made by update {@code updateId}, answered (or not) by the next public update. */
    public record Promise(String updateId, Instant madeAt, Instant dueAt, String answeredBy, Instant answeredAt,
                          Outcome outcome) {
    }

    /** The metrics of an incident as the metrics read model keeps it, internal lifecycle times included. */
    public static IncidentMetrics of(MetricsIncident incident, Instant now) {
        return of(incident.view(), incident.highestImpact(), incident.components(), incident.moments(),
                incident.resolvedAt(), now);
    }

    /** What the public view alone tells: the first public update, resolution by a public update and the promises. */
    public static IncidentMetrics of(PublicIncident incident, Instant now) {
        return of(incident, incident.impact(), List.copyOf(incident.components().keySet()), Map.of(),
                incident.resolvedAt(), now);
    }

    private static IncidentMetrics of(PublicIncident incident, Impact impact, List<String> components,
                                      Map<String, Instant> moments, Instant resolvedAt, Instant now) {
        List<PublicUpdate> updates = incident.updates().stream()
                .sorted(Comparator.comparing(PublicUpdate::occurredAt).thenComparingInt(PublicUpdate::seq)).toList();
        Instant start = incident.startedAt();
        Instant first = updates.isEmpty() ? null : updates.get(0).occurredAt();
        Instant detected = moments.get(MetricsIncident.DETECTED);
        Instant acknowledged = moments.get(MetricsIncident.ACKNOWLEDGED);
        Instant mitigated = moments.get(MetricsIncident.MITIGATED);
        List<Promise> promises = new ArrayList<>();
        for (int i = 0; i < updates.size(); i++) {
            PublicUpdate update = updates.get(i);
            if (update.nextUpdateDueAt() != null) {
                promises.add(promise(update, i + 1 < updates.size() ? updates.get(i + 1) : null, now));
            }
        }
        Map<Measure, Duration> durations = new EnumMap<>(Measure.class);
        put(durations, Measure.DETECT, between(start, detected));
        put(durations, Measure.ACKNOWLEDGE, between(detected, acknowledged));
        put(durations, Measure.MITIGATE, between(start, mitigated));
        put(durations, Measure.FIRST_PUBLIC_UPDATE, between(start, first));
        put(durations, Measure.RESOLVE, between(start, resolvedAt));
        return new IncidentMetrics(incident.id(), start, first, between(start, first), resolvedAt,
                between(start, resolvedAt), List.copyOf(promises), count(promises, Outcome.KEPT),
                count(promises, Outcome.BROKEN), count(promises, Outcome.PENDING), impact, List.copyOf(components),
                Map.copyOf(moments), detected, acknowledged, mitigated, durations);
    }

    public Duration duration(Measure measure) {
        return durations.get(measure);
    }

    /** What the figures over a period take of this incident. */
    public MeasuredIncident measured() {
        return new MeasuredIncident(incidentId, impact, components, durations);
    }

    private static Promise promise(PublicUpdate update, PublicUpdate next, Instant now) {
        Outcome outcome;
        if (next != null) {
            outcome = next.occurredAt().isAfter(update.nextUpdateDueAt()) ? Outcome.BROKEN : Outcome.KEPT;
        } else {
            outcome = now.isAfter(update.nextUpdateDueAt()) ? Outcome.BROKEN : Outcome.PENDING;
        }
        return new Promise(update.id(), update.occurredAt(), update.nextUpdateDueAt(), next == null ? null : next.id(),
                next == null ? null : next.occurredAt(), outcome);
    }

    private static void put(Map<Measure, Duration> durations, Measure measure, Duration duration) {
        if (duration != null) {
            durations.put(measure, duration);
        }
    }

    private static Duration between(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to);
    }

    private static long count(List<Promise> promises, Outcome outcome) {
        return promises.stream().filter(p -> p.outcome() == outcome).count();
    }
}
