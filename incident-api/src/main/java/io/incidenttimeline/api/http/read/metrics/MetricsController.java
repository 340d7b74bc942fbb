package io.incidenttimeline.api.http.read.metrics;

import io.swagger.v3.oas.annotations.Operation;
import io.incidenttimeline.api.http.infra.openapi.DocumentedProblems;
import io.incidenttimeline.api.http.infra.problem.ProblemType;
import io.incidenttimeline.api.http.infra.problem.ApiProblem;
import io.incidenttimeline.api.http.infra.web.TimestampParameter;
import io.incidenttimeline.projections.metrics.IncidentMetrics;
import io.incidenttimeline.projections.metrics.IncidentMetricsProjection;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Incident metrics per incident and over a time range: the moments (impact start, lifecycle times, first public
 * update, resolution), the durations between them, and the promises. Durations are ISO-8601 and in seconds.
 */
@RestController
public class MetricsController {

    private final IncidentMetricsProjection metrics;
    private final Clock clock;

    public MetricsController(IncidentMetricsProjection metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    @Operation(summary = "An incident's metrics: its moments, time to detect, acknowledge, mitigate, first public update and resolve, promises kept", operationId = "incidentMetrics")
    @DocumentedProblems({ProblemType.INCIDENT_NOT_FOUND})
    @GetMapping(path = "/api/v1/incidents/{incidentId}/metrics", produces = "application/json")
    public MetricsDocuments.Incident incident(@PathVariable String incidentId) {
        IncidentMetrics m = metrics.metrics(incidentId, clock.instant()).orElseThrow(() -> new ApiProblem(
                HttpStatus.NOT_FOUND, "incident-not-found", "id", "no incident with id " + incidentId + " exists"));
        return MetricsDocuments.Incident.of(m);
    }

    @Operation(summary = "Metrics over incidents whose impact started in a time range: MTTR; count, median and 90th percentile of each measure, overall, by impact and by component", operationId = "incidentMetricsSummary")
    @DocumentedProblems({ProblemType.EMPTY_TIME_RANGE, ProblemType.INVALID_TIMESTAMP, ProblemType.PARAMETER_REQUIRED})
    @GetMapping(path = "/api/v1/metrics/incidents", produces = "application/json")
    public MetricsDocuments.Summary summary(@RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (!end.isAfter(start)) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "empty-time-range", "to", "to must lie after from");
        }
        return MetricsDocuments.Summary.of(metrics.summary(start, end, clock.instant()));
    }

    private static Instant instant(String field, String value) {
        return TimestampParameter.required(field, value);
    }
}
