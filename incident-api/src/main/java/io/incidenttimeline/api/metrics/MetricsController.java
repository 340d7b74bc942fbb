package io.incidenttimeline.api.metrics;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.Operation;
import io.incidenttimeline.api.openapi.DocumentedProblems;
import io.incidenttimeline.api.problem.ProblemType;
import io.incidenttimeline.api.problem.ApiProblem;
import io.incidenttimeline.api.web.TimestampParameter;
import io.incidenttimeline.projections.metrics.IncidentMetrics;
import io.incidenttimeline.projections.metrics.IncidentMetricsProjection;
import io.incidenttimeline.projections.metrics.MetricsSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Communication metrics per incident and over a time range. Durations are ISO-8601 and in seconds. */
@RestController
public class MetricsController {

    private final IncidentMetricsProjection metrics;
    private final Clock clock;

    public MetricsController(IncidentMetricsProjection metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    @Operation(summary = "An incident's metrics: time to first public update, time to resolve, promises kept", operationId = "incidentMetrics")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = MetricsSchema.Incident.class)))
    @DocumentedProblems({ProblemType.INCIDENT_NOT_FOUND})
    @GetMapping(path = "/api/v1/incidents/{incidentId}/metrics", produces = "application/json")
    public Map<String, Object> incident(@PathVariable String incidentId) {
        IncidentMetrics m = metrics.metrics(incidentId, clock.instant()).orElseThrow(() -> new ApiProblem(
                HttpStatus.NOT_FOUND, "incident-not-found", "id", "no incident with id " + incidentId + " exists"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("incidentId", m.incidentId());
        json.put("impactStartedAt", m.impactStartedAt());
        json.put("firstPublicUpdateAt", m.firstPublicUpdateAt());
        duration(json, "timeToFirstPublicUpdate", m.timeToFirstPublicUpdate());
        json.put("resolvedAt", m.resolvedAt());
        duration(json, "timeToResolve", m.timeToResolve());
        json.put("promisesKept", m.promisesKept());
        json.put("promisesBroken", m.promisesBroken());
        json.put("promisesPending", m.promisesPending());
        json.put("promises", m.promises().stream().map(p -> {
            Map<String, Object> promise = new LinkedHashMap<>();
            promise.put("updateId", p.updateId());
            promise.put("madeAt", p.madeAt());
            promise.put("dueAt", p.dueAt());
            promise.put("answeredBy", p.answeredBy());
            promise.put("answeredAt", p.answeredAt());
            promise.put("outcome", p.outcome().name().toLowerCase());
            return promise;
        }).toList());
        return json;
    }

    @Operation(summary = "Metrics over incidents whose impact started in a time range: MTTR, median time to first public update", operationId = "incidentMetricsSummary")
    @ApiResponse(responseCode = "200", description = "OK", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = MetricsSchema.Summary.class)))
    @DocumentedProblems({ProblemType.EMPTY_TIME_RANGE, ProblemType.INVALID_TIMESTAMP, ProblemType.PARAMETER_REQUIRED})
    @GetMapping(path = "/api/v1/metrics/incidents", produces = "application/json")
    public Map<String, Object> summary(@RequestParam(required = false) String from,
                                       @RequestParam(required = false) String to) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (!end.isAfter(start)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "empty-time-range", "to", "to must lie after from");
        }
        MetricsSummary s = metrics.summary(start, end, clock.instant());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from", s.from());
        json.put("to", s.to());
        json.put("incidents", s.incidents());
        json.put("resolved", s.resolved());
        duration(json, "meanTimeToResolve", s.meanTimeToResolve());
        duration(json, "medianTimeToFirstPublicUpdate", s.medianTimeToFirstPublicUpdate());
        json.put("promisesKept", s.promisesKept());
        json.put("promisesBroken", s.promisesBroken());
        return json;
    }

    private static void duration(Map<String, Object> json, String name, Duration duration) {
        json.put(name, duration == null ? null : duration.toString());
        json.put(name + "Seconds", duration == null ? null : duration.toSeconds());
    }

    private static Instant instant(String field, String value) {
        return TimestampParameter.required(field, value);
    }
}
