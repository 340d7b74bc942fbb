package io.incidenttimeline.api.http.read.metrics;

import io.incidenttimeline.projections.metrics.DurationStats;
import io.incidenttimeline.projections.metrics.IncidentMetrics;
import io.incidenttimeline.projections.metrics.Measure;
import io.incidenttimeline.projections.metrics.MeasureBreakdown;
import io.incidenttimeline.projections.metrics.MetricsSummary;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

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

    @Schema(name = "IncidentMetrics", description = "An incident's moments and the durations between them; the"
            + " lifecycle times are internal. A duration is null while either of its moments is unknown, and negative"
            + " when its end was recorded before its start (a problem detected before customers were affected).")
    record Incident(String incidentId, Instant impactStartedAt, Instant firstPublicUpdateAt,
                    @Schema(example = "PT2H37M") String timeToFirstPublicUpdate, Long timeToFirstPublicUpdateSeconds,
                    @Schema(description = "the recorded resolved time, else when the resolving update occurred")
                    Instant resolvedAt, String timeToResolve, Long timeToResolveSeconds, int promisesKept,
                    int promisesBroken, int promisesPending, List<Promise> promises,
                    @Schema(description = "the highest impact the incident had, which the figures over a period group"
                            + " it by", allowableValues = {"none", "minor", "major", "critical"}) String impact,
                    @Schema(description = "every component the incident touched, sorted") List<String> components,
                    @Schema(description = "every lifecycle time recorded, configured extras such as identified"
                            + " included; a later time for a moment replaces the earlier") Map<String, Instant> moments,
                    Instant detectedAt, Instant acknowledgedAt, Instant mitigatedAt,
                    @Schema(description = "impact start to detected") String timeToDetect, Long timeToDetectSeconds,
                    @Schema(description = "detected to acknowledged") String timeToAcknowledge,
                    Long timeToAcknowledgeSeconds,
                    @Schema(description = "impact start to mitigated", example = "PT2H42M") String timeToMitigate,
                    Long timeToMitigateSeconds) {

        static Incident of(IncidentMetrics m) {
            return new Incident(m.incidentId(), m.impactStartedAt(), m.firstPublicUpdateAt(),
                    iso(m.timeToFirstPublicUpdate()), seconds(m.timeToFirstPublicUpdate()), m.resolvedAt(),
                    iso(m.timeToResolve()), seconds(m.timeToResolve()), Math.toIntExact(m.promisesKept()),
                    Math.toIntExact(m.promisesBroken()), Math.toIntExact(m.promisesPending()),
                    m.promises().stream().map(Promise::of).toList(), m.impact().wire(), m.components(),
                    new TreeMap<>(m.moments()), m.detectedAt(), m.acknowledgedAt(), m.mitigatedAt(),
                    iso(m.duration(Measure.DETECT)), seconds(m.duration(Measure.DETECT)),
                    iso(m.duration(Measure.ACKNOWLEDGE)), seconds(m.duration(Measure.ACKNOWLEDGE)),
                    iso(m.duration(Measure.MITIGATE)), seconds(m.duration(Measure.MITIGATE)));
        }
    }

    @Schema(name = "MeasureStats", description = "how many incidents had the measure, and its median and 90th"
            + " percentile among them (linear interpolation between the nearest ranks); null when none had it")
    record Stats(int count, String median, Long medianSeconds, String p90, Long p90Seconds) {

        static Stats of(DurationStats s) {
            return new Stats(s.count(), iso(s.median()), seconds(s.median()), iso(s.p90()), seconds(s.p90()));
        }
    }

    @Schema(name = "IncidentMeasures")
    record Measures(Stats timeToDetect, Stats timeToAcknowledge, Stats timeToMitigate, Stats timeToFirstPublicUpdate,
                    Stats timeToResolve) {

        static Measures of(MeasureBreakdown.Group group) {
            return new Measures(Stats.of(group.stats(Measure.DETECT)), Stats.of(group.stats(Measure.ACKNOWLEDGE)),
                    Stats.of(group.stats(Measure.MITIGATE)), Stats.of(group.stats(Measure.FIRST_PUBLIC_UPDATE)),
                    Stats.of(group.stats(Measure.RESOLVE)));
        }
    }

    @Schema(name = "IncidentMetricsGroup")
    record Group(int incidents, Measures measures) {

        static Group of(MeasureBreakdown.Group group) {
            return new Group(group.incidents(), Measures.of(group));
        }
    }

    @Schema(name = "IncidentMetricsSummary")
    record Summary(Instant from, Instant to, int incidents, int resolved, String meanTimeToResolve,
                   Long meanTimeToResolveSeconds, String medianTimeToFirstPublicUpdate,
                   Long medianTimeToFirstPublicUpdateSeconds, int promisesKept, int promisesBroken,
                   @Schema(description = "each measure over every incident of the range") Measures measures,
                   @Schema(description = "by the highest impact each incident had; impacts without incidents are left"
                           + " out") Map<String, Group> byImpact,
                   @Schema(description = "by component: an incident counts under every component it touched")
                   Map<String, Group> byComponent) {

        static Summary of(MetricsSummary s) {
            MeasureBreakdown breakdown = s.breakdown();
            Map<String, Group> byImpact = new LinkedHashMap<>();
            breakdown.byImpact().forEach((impact, group) -> byImpact.put(impact.wire(), Group.of(group)));
            Map<String, Group> byComponent = new TreeMap<>();
            breakdown.byComponent().forEach((component, group) -> byComponent.put(component, Group.of(group)));
            return new Summary(s.from(), s.to(), s.incidents(), s.resolved(), iso(s.meanTimeToResolve()),
                    seconds(s.meanTimeToResolve()), iso(s.medianTimeToFirstPublicUpdate()),
                    seconds(s.medianTimeToFirstPublicUpdate()), Math.toIntExact(s.promisesKept()),
                    Math.toIntExact(s.promisesBroken()), Measures.of(breakdown.overall()), byImpact, byComponent);
        }
    }

    private static String iso(Duration duration) {
        return duration == null ? null : duration.toString();
    }

    private static Long seconds(Duration duration) {
        return duration == null ? null : duration.toSeconds();
    }
}
