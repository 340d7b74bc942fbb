package io.incidenttimeline.api.metrics;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** The metrics documents as the OpenAPI description shows them; the contract tests keep them equal to the bodies. */
final class MetricsSchema {

    private MetricsSchema() {
    }

    @Schema(name = "UpdatePromise")
    record Promise(String updateId, Instant madeAt, Instant dueAt, String answeredBy, Instant answeredAt,
                   @Schema(allowableValues = {"kept", "broken", "pending"}) String outcome) {
    }

    @Schema(name = "IncidentMetrics")
    record Incident(String incidentId, Instant impactStartedAt, Instant firstPublicUpdateAt,
                    @Schema(example = "PT2H37M") String timeToFirstPublicUpdate, Long timeToFirstPublicUpdateSeconds,
                    Instant resolvedAt, String timeToResolve, Long timeToResolveSeconds, int promisesKept,
                    int promisesBroken, int promisesPending, List<Promise> promises) {
    }

    @Schema(name = "IncidentMetricsSummary")
    record Summary(Instant from, Instant to, int incidents, int resolved, String meanTimeToResolve,
                   Long meanTimeToResolveSeconds, String medianTimeToFirstPublicUpdate,
                   Long medianTimeToFirstPublicUpdateSeconds, int promisesKept, int promisesBroken) {
    }
}
