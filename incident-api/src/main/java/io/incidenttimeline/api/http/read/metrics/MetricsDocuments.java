package io.incidenttimeline.api.http.read.metrics;

import io.incidenttimeline.core.incident.Incident;
import io.incidenttimeline.projections.metrics.IncidentMetrics;
import io.incidenttimeline.projections.metrics.MetricsSummary;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The metrics documents: every duration twice, ISO-8601 and in whole seconds, both null when unknown. */
final class MetricsDocuments {

    private MetricsDocuments() {
    }

    @Schema(name = "UpdatePromise")
    record Promise(String updateId, Instant madeAt, Instant dueAt, String answeredBy, Instant answeredAt,
                   @Schema(allowableValues = {"kept", "broken", "pending"}) String outcome) {

        static Promise of(IncidentMetrics.Promise p) {
            return new Promise(p.updateId(), p.madeAt(), p.dueAt(), p.answeredBy(), p.answeredAt(),
                    p.outcome().name().toLowerCase(Locale.ROOT));
        }
    }

    @Schema(name = "IncidentMetrics")
    record Incident(String incidentId, Instant impactStartedAt, Instant firstPublicUpdateAt,
                    @Schema(example = "PT2H37M") String timeToFirstPublicUpdate, Long timeToFirstPublicUpdateSeconds,
                    Instant resolvedAt, String timeToResolve, Long timeToResolveSeconds, int promisesKept,
                    int promisesBroken, int promisesPending, List<Promise> promises) {

        static Incident of(IncidentMetrics m) {
            return new Incident(m.incidentId(), m.impactStartedAt(), m.firstPublicUpdateAt(),
                    iso(m.timeToFirstPublicUpdate()), seconds(m.timeToFirstPublicUpdate()), m.resolvedAt(),
                    iso(m.timeToResolve()), seconds(m.timeToResolve()), Math.toIntExact(m.promisesKept()),
                    Math.toIntExact(m.promisesBroken()), Math.toIntExact(m.promisesPending()),
                    m.promises().stream().map(Promise::of).toList());
        }
    }

    @Schema(name = "IncidentMetricsSummary")
    record Summary(Instant from, Instant to, int incidents, int resolved, String meanTimeToResolve,
                   Long meanTimeToResolveSeconds, String medianTimeToFirstPublicUpdate,
                   Long medianTimeToFirstPublicUpdateSeconds, int promisesKept, int promisesBroken) {

        static Summary of(MetricsSummary s) {
            return new Summary(s.from(), s.to(), s.incidents(), s.resolved(), iso(s.meanTimeToResolve()),
                    seconds(s.meanTimeToResolve()), iso(s.medianTimeToFirstPublicUpdate()),
                    seconds(s.medianTimeToFirstPublicUpdate()), Math.toIntExact(s.promisesKept()),
                    Math.toIntExact(s.promisesBroken()));
        }
    }

    private static String iso(Duration duration) {
        return duration == null ? null : duration.toString();
    }

    private static Long seconds(Duration duration) {
        return duration == null ? null : duration.toSeconds();
    }
}
