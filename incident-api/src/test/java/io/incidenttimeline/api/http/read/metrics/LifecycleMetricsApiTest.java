package io.incidenttimeline.api.http.read.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import io.incidenttimeline.projections.metrics.IncidentMetricsProjection;
import io.incidenttimeline.projections.publicview.PublicViewProjection;
import io.incidenttimeline.projections.support.ReadStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Metrics from lifecycle times, through the JSON API and the Prometheus export. Two incidents in March 2021 on a
 * component of their own: one told as the reference incident was (impact 10:54, detected 13:10, acknowledged 13:15,
 * identified 13:31 with the first public update, mitigated 13:36 after a correction, resolved 13:52), one minor that
 * only has an impact window, a mitigation and its resolving update. Lifecycle times go through the lifecycle command
 * ({@code PUT /api/v1/incidents/{id}/lifecycle/{moment}}).
 */
class LifecycleMetricsApiTest extends ApiIntegrationTest {

    @Autowired
    EventStore eventStore;

    @Autowired
    @ReadStore
    JdbcTemplate readStore;

    private static final String COMPONENT = ApiClient.uniqueId("metrics-component");
    private static final String MAJOR = ApiClient.uniqueId("metrics-major");
    private static final String MINOR = ApiClient.uniqueId("metrics-minor");
    private static boolean told;

    private final String component = COMPONENT;
    private final String major = MAJOR;
    private final String minor = MINOR;

    /** Tells the two incidents once: the figures over March 2021 are theirs alone. */
    @BeforeEach
    void twoIncidents() {
        synchronized (LifecycleMetricsApiTest.class) {
            if (!told) {
                tell();
                told = true;
            }
        }
        awaitMetrics(major, m -> m.get("moments").has("resolved"));
        awaitMetrics(minor, m -> !m.get("resolvedAt").isNull());
    }

    private void tell() {
        Incidents.defineComponent(api, component, "Recordings " + component, "Metrics", 1);

        Incidents.declare(api, Map.of("id", major, "title", "Call recordings unavailable", "locale", "en",
                "impact", "major", "status", "identified", "message", "Reverting a change.", "visibility", "public",
                "components", Map.of(component, "partial_outage"), "occurredAt", "2021-03-05T13:31:00Z",
                "nextUpdateInMinutes", 30));
        Incidents.command(api, "PUT", "/api/v1/incidents/" + major + "/impact-window", Map.of(
                "startedAt", "2021-03-05T10:54:00Z", "endedAt", "2021-03-05T13:36:00Z", "reason", "from the logs"));
        Incidents.post(api, major, Map.of("status", "resolved", "message", "Rolled back.", "visibility", "public",
                "components", Map.of(component, "operational"), "occurredAt", "2021-03-05T13:52:00Z"));
        record(major, "detected", "2021-03-05T13:10:00Z", null);
        record(major, "acknowledged", "2021-03-05T13:15:00Z", null);
        record(major, "identified", "2021-03-05T13:31:00Z", null);
        record(major, "mitigated", "2021-03-05T13:40:00Z", null);
        record(major, "mitigated", "2021-03-05T13:36:00Z", "2021-03-05T13:40:00Z");
        record(major, "resolved", "2021-03-05T13:52:00Z", null);

        Incidents.declare(api, Bodies.with(Bodies.with(Bodies.declaration(minor), "components",
                Map.of(component, "degraded_performance")), "occurredAt", "2021-03-06T09:10:00Z"));
        Incidents.command(api, "PUT", "/api/v1/incidents/" + minor + "/impact-window", Map.of(
                "startedAt", "2021-03-06T09:00:00Z", "reason", "from the dashboards"));
        record(minor, "mitigated", "2021-03-06T10:00:00Z", null);
        Incidents.post(api, minor, Bodies.with(Bodies.with(Bodies.update("resolved", "Fixed."), "occurredAt",
                "2021-03-06T10:30:00Z"), "components", Map.of(component, "operational")));
    }

    @Test
    void anIncidentsMetricsGiveEachMomentAndMeasure_theLaterRecordingOfAMomentReplacingTheEarlier() {
        var response = api.get("/api/v1/incidents/" + major + "/metrics").as(ApiClient.RESPONDER).send();
        assertThat(response.status()).isEqualTo(200);
        JsonNode metrics = response.json();

        assertThat(metrics.get("impact").asText()).isEqualTo("major");
        assertThat(metrics.get("components").get(0).asText()).isEqualTo(component);
        assertThat(metrics.get("impactStartedAt").asText()).isEqualTo("2021-03-05T10:54:00Z");
        assertThat(metrics.get("detectedAt").asText()).isEqualTo("2021-03-05T13:10:00Z");
        assertThat(metrics.get("acknowledgedAt").asText()).isEqualTo("2021-03-05T13:15:00Z");
        assertThat(metrics.get("moments").get("identified").asText()).isEqualTo("2021-03-05T13:31:00Z");
        assertThat(metrics.get("timeToDetect").asText()).isEqualTo("PT2H16M");
        assertThat(metrics.get("timeToAcknowledge").asText()).isEqualTo("PT5M");
        assertThat(metrics.get("timeToMitigate").asText()).isEqualTo("PT2H42M");
        assertThat(metrics.get("timeToMitigateSeconds").asLong()).isEqualTo(162 * 60);
        assertThat(metrics.get("timeToFirstPublicUpdate").asText()).isEqualTo("PT2H37M");
        assertThat(metrics.get("timeToResolve").asText()).isEqualTo("PT2H58M");
        assertThat(metrics.get("resolvedAt").asText()).isEqualTo("2021-03-05T13:52:00Z");
        assertThat(metrics.get("promisesKept").asInt()).isEqualTo(1);

        JsonNode other = api.get("/api/v1/incidents/" + minor + "/metrics").as(ApiClient.AUDITOR).send().json();
        assertThat(other.get("timeToDetect").isNull()).isTrue();
        assertThat(other.get("timeToAcknowledge").isNull()).isTrue();
        assertThat(other.get("timeToMitigate").asText()).isEqualTo("PT1H");
        assertThat(other.get("resolvedAt").asText()).as("the resolving update").isEqualTo("2021-03-06T10:30:00Z");
        assertThat(other.get("timeToResolve").asText()).isEqualTo("PT1H30M");
    }

    @Test
    void overAPeriodEachMeasureHasCountMedianAndP90_overall_byImpact_andByComponent() {
        var response = api.get("/api/v1/metrics/incidents?from=2021-03-01T00:00:00Z&to=2021-04-01T00:00:00Z")
                .as(ApiClient.AUDITOR).send();
        assertThat(response.status()).isEqualTo(200);
        JsonNode summary = response.json();

        assertThat(summary.get("incidents").asInt()).isEqualTo(2);
        assertThat(summary.get("meanTimeToResolve").asText()).as("(178 + 90) / 2 minutes").isEqualTo("PT2H14M");
        JsonNode mitigate = summary.get("measures").get("timeToMitigate");
        assertThat(mitigate.get("count").asInt()).isEqualTo(2);
        assertThat(mitigate.get("median").asText()).as("(162 + 60) / 2 minutes").isEqualTo("PT1H51M");
        assertThat(mitigate.get("p90").asText()).as("60 + 0.9 * 102 minutes").isEqualTo("PT2H31M48S");
        assertThat(mitigate.get("p90Seconds").asLong()).isEqualTo(9108);
        JsonNode detect = summary.get("measures").get("timeToDetect");
        assertThat(detect.get("count").asInt()).isEqualTo(1);
        assertThat(detect.get("median").asText()).isEqualTo("PT2H16M");

        assertThat(summary.get("byImpact").get("major").get("incidents").asInt()).isEqualTo(1);
        assertThat(summary.get("byImpact").get("major").get("measures").get("timeToMitigate").get("median")
                .asText()).isEqualTo("PT2H42M");
        assertThat(summary.get("byImpact").get("minor").get("measures").get("timeToResolve").get("p90").asText())
                .isEqualTo("PT1H30M");
        assertThat(summary.get("byImpact").has("critical")).isFalse();
        JsonNode byComponent = summary.get("byComponent").get(component);
        assertThat(byComponent.get("incidents").asInt()).isEqualTo(2);
        assertThat(byComponent.get("measures").get("timeToResolve").get("median").asText()).isEqualTo("PT2H14M");
        assertThat(byComponent.get("measures").get("timeToAcknowledge").get("count").asInt()).isEqualTo(1);
    }

    @Test
    void thePrometheusExportHasTheMediansAndP90sByComponentAndImpact_forAdminsOnly() {
        String where = "component=\"" + component + "\",impact=\"*\"";

        Map<String, Double> samples = Eventually.until(() -> PrometheusSamples.scrape(api),
                s -> s.containsKey("incident_time_to_mitigate_seconds{" + where + ",quantile=\"0.5\"}")
                        && Double.valueOf(2.0).equals(s.get("incident_metrics_incidents{" + where + "}")), "the component's series");

        assertThat(samples.get("incident_time_to_mitigate_seconds{" + where + ",quantile=\"0.5\"}")).isEqualTo(6660.0);
        assertThat(samples.get("incident_time_to_mitigate_seconds{" + where + ",quantile=\"0.9\"}")).isEqualTo(9108.0);
        assertThat(samples.get("incident_time_to_resolve_seconds{" + where + ",quantile=\"0.5\"}")).isEqualTo(8040.0);
        assertThat(samples.get("incident_time_to_first_public_update_seconds{" + where + ",quantile=\"0.5\"}"))
                .as("(157 + 10) / 2 minutes").isEqualTo(5010.0);
        assertThat(samples.get("incident_time_to_detect_seconds{" + where + ",quantile=\"0.9\"}")).isEqualTo(8160.0);
        assertThat(samples.get("incident_time_to_acknowledge_seconds{" + where + ",quantile=\"0.5\"}")).isEqualTo(300.0);
        assertThat(samples.get("incident_metrics_measured_incidents{" + where + ",measure=\"detect\"}")).isEqualTo(1.0);
        assertThat(samples.get("incident_metrics_measured_incidents{" + where + ",measure=\"resolve\"}")).isEqualTo(2.0);
        assertThat(samples).containsKey("incident_time_to_mitigate_seconds{component=\"*\",impact=\"major\",quantile=\"0.9\"}");
        assertThat(samples).containsKey("incident_metrics_incidents{component=\"*\",impact=\"critical\"}");
        assertThat(samples.keySet()).noneMatch(key -> key.contains(major) || key.contains(minor));

        assertThat(api.get("/actuator/prometheus").as(ApiClient.AUDITOR).send().status()).isEqualTo(403);
    }

    @Test
    void lifecycleTimesLeaveThePublicIncidentAsItWas() {
        String own = ApiClient.uniqueId("metrics-public");
        Incidents.declare(api, Bodies.with(Bodies.declaration(own), "occurredAt", "2021-05-05T13:31:00Z"));
        String path = "/api/public/v1/incidents/" + own;
        awaitApplied(PublicViewProjection.NAME, own, eventStore.lastSequenceNumberFor(own).orElseThrow());
        var before = api.get(path).send();
        assertThat(before.status()).isEqualTo(200);

        record(own, "detected", "2021-05-05T13:10:00Z", null);
        record(own, "mitigated", "2021-05-05T13:36:00Z", null);
        // the public view has no handler for lifecycle times, so its progress stays at the declaration's events
        awaitApplied(IncidentMetricsProjection.NAME, own, eventStore.lastSequenceNumberFor(own).orElseThrow());

        var after = api.get(path).send();
        assertThat(after.body()).isEqualTo(before.body()).doesNotContain("13:10", "13:36", "mitigated", "detected");
        assertThat(after.header("ETag")).isEqualTo(before.header("ETag"));
        assertThat(api.get("/api/v1/incidents/" + own + "/metrics").as(ApiClient.AUDITOR).send().json()
                .get("timeToMitigate").asText()).isEqualTo("PT5M");
    }

    private void awaitMetrics(String incident, Predicate<JsonNode> told) {
        Eventually.until(() -> api.get("/api/v1/incidents/" + incident + "/metrics").as(ApiClient.AUDITOR).send(),
                r -> r.status() == 200 && told.test(r.json()), "the metrics of " + incident);
    }

    /** Records a lifecycle time through the command API; a correction says why. */
    private void record(String incident, String moment, String at, String previousAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", at);
        if (previousAt != null) {
            body.put("reason", "corrected from the deploy log, not " + previousAt);
        }
        Incidents.command(api, "PUT", "/api/v1/incidents/" + incident + "/lifecycle/" + moment, body);
    }

    private void awaitApplied(String projection, String incident, long sequence) {
        Eventually.until(() -> readStore.queryForObject("SELECT MIN(last_sequence) FROM projection_progress "
                        + "WHERE projection = ? AND aggregate_id = ?", Long.class, projection, incident),
                applied -> applied != null && applied >= sequence, projection + " past event " + sequence);
    }
}
