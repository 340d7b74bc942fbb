package io.incidenttimeline.api.http.read.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import io.incidenttimeline.api.support.ReferenceIncidentFixture;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Communication metrics: the facts PRODUCT.md states about the reference incident, computed. */
class MetricsApiTest extends ApiIntegrationTest {

    private static final String REFERENCE = "/api/v1/incidents/" + ReferenceIncidentFixture.ID + "/metrics";

    @BeforeEach
    void reference() {
        ReferenceIncidentFixture.loadAndProject(api);
    }

    @Test
    void theFirstPublicUpdateCame2h37mAfterImpactBeganAndThe30MinutePromiseWasKept() {
        JsonNode metrics = Eventually.until(() -> api.get(REFERENCE).as(ApiClient.AUDITOR).send(),
                r -> r.status() == 200 && !r.json().get("resolvedAt").isNull(), "the reference incident's metrics").json();

        assertThat(metrics.get("impactStartedAt").asText()).isEqualTo("2024-07-05T10:54:00Z");
        assertThat(metrics.get("firstPublicUpdateAt").asText()).isEqualTo("2024-07-05T13:31:00Z");
        assertThat(metrics.get("timeToFirstPublicUpdate").asText()).isEqualTo("PT2H37M");
        assertThat(metrics.get("timeToFirstPublicUpdateSeconds").asLong()).isEqualTo(157 * 60);
        assertThat(metrics.get("timeToResolve").asText()).isEqualTo("PT2H58M");
        assertThat(metrics.get("promisesKept").asLong()).isEqualTo(1);
        assertThat(metrics.get("promisesBroken").asLong()).isZero();
        JsonNode promise = metrics.get("promises").get(0);
        assertThat(promise.get("updateId").asText()).isEqualTo("update-2024-07-05-1331");
        assertThat(promise.get("dueAt").asText()).isEqualTo("2024-07-05T14:01:00Z");
        assertThat(promise.get("answeredBy").asText()).isEqualTo("update-2024-07-05-1352");
        assertThat(promise.get("outcome").asText()).isEqualTo("kept");
    }

    @Test
    void theReferenceIncidentsLifecycleMeasuresReadAsTheSeedTellsIt() {
        JsonNode metrics = Eventually.until(() -> api.get(REFERENCE).as(ApiClient.RESPONDER).send(),
                r -> r.status() == 200 && !r.json().get("mitigatedAt").isNull() && !r.json().get("resolvedAt").isNull(),
                "the reference incident's lifecycle metrics").json();

        assertThat(metrics.get("impact").asText()).isEqualTo("major");
        assertThat(metrics.get("components")).extracting(JsonNode::asText).containsExactly("talk-call-recordings");
        assertThat(metrics.get("moments").get("identified").asText()).isEqualTo("2024-07-05T13:31:00Z");
        assertThat(metrics.get("detectedAt").asText()).isEqualTo("2024-07-05T13:20:00Z");
        assertThat(metrics.get("acknowledgedAt").asText()).isEqualTo("2024-07-05T13:24:00Z");
        assertThat(metrics.get("mitigatedAt").asText()).isEqualTo("2024-07-05T13:36:00Z");
        assertThat(metrics.get("resolvedAt").asText()).as("the resolving update").isEqualTo("2024-07-05T13:52:00Z");
        assertThat(metrics.get("timeToDetect").asText()).isEqualTo("PT2H26M");
        assertThat(metrics.get("timeToAcknowledge").asText()).isEqualTo("PT4M");
        assertThat(metrics.get("timeToMitigate").asText()).isEqualTo("PT2H42M");
        assertThat(metrics.get("timeToMitigateSeconds").asLong()).isEqualTo((2 * 60 + 42) * 60);
        assertThat(metrics.get("timeToFirstPublicUpdate").asText()).isEqualTo("PT2H37M");
        assertThat(metrics.get("timeToResolve").asText()).isEqualTo("PT2H58M");

        JsonNode summary = api.get("/api/v1/metrics/incidents?from=2024-07-01T00:00:00Z&to=2024-08-01T00:00:00Z")
                .as(ApiClient.AUDITOR).send().json();
        JsonNode recordings = summary.get("byComponent").get("talk-call-recordings").get("measures");
        assertThat(recordings.get("timeToMitigate").get("median").asText()).isEqualTo("PT2H42M");
        assertThat(recordings.get("timeToMitigate").get("p90").asText()).isEqualTo("PT2H42M");
        assertThat(summary.get("byImpact").get("major").get("measures").get("timeToDetect").get("median").asText())
                .isEqualTo("PT2H26M");
        assertThat(summary.get("measures").get("timeToFirstPublicUpdate").get("p90Seconds").asLong())
                .isEqualTo(157 * 60);
    }

    @Test
    void thePrometheusExportHasTheReferenceIncidentsFiguresUnderItsComponent() {
        String where = "component=\"talk-call-recordings\",impact=\"*\"";
        Map<String, Double> samples = Eventually.until(() -> PrometheusSamples.scrape(api),
                s -> Double.valueOf(1.0).equals(s.get("incident_metrics_incidents{" + where + "}"))
                        && s.containsKey("incident_time_to_mitigate_seconds{" + where + ",quantile=\"0.9\"}"),
                "the reference incident in the Prometheus export");

        assertThat(samples.get("incident_time_to_mitigate_seconds{" + where + ",quantile=\"0.5\"}")).isEqualTo(9720.0);
        assertThat(samples.get("incident_time_to_mitigate_seconds{" + where + ",quantile=\"0.9\"}")).isEqualTo(9720.0);
        assertThat(samples.get("incident_time_to_resolve_seconds{" + where + ",quantile=\"0.5\"}")).isEqualTo(10680.0);
        assertThat(samples.get("incident_time_to_first_public_update_seconds{" + where + ",quantile=\"0.5\"}"))
                .isEqualTo(9420.0);
        assertThat(samples.get("incident_time_to_detect_seconds{" + where + ",quantile=\"0.5\"}")).isEqualTo(8760.0);
        assertThat(samples.get("incident_time_to_acknowledge_seconds{" + where + ",quantile=\"0.9\"}")).isEqualTo(240.0);
        assertThat(samples.get("incident_metrics_measured_incidents{" + where + ",measure=\"mitigate\"}")).isEqualTo(1.0);
    }

    @Test
    void aPromiseAnsweredLateIsBroken() {
        String incident = ApiClient.uniqueId("late");
        Instant start = Instant.now().minusSeconds(3 * 3600);
        Incidents.declare(api, Bodies.with(Bodies.with(Bodies.declaration(incident), "occurredAt", start.toString()),
                "nextUpdateInMinutes", 30));
        Incidents.post(api, incident, Bodies.with(Bodies.update("resolved", "Fixed, later than promised."),
                "occurredAt", start.plusSeconds(3600).toString()));

        JsonNode metrics = Eventually.until(() -> api.get("/api/v1/incidents/" + incident + "/metrics")
                .as(ApiClient.RESPONDER).send(), r -> r.status() == 200 && !r.json().get("resolvedAt").isNull(),
                "metrics of " + incident).json();
        assertThat(metrics.get("promisesBroken").asLong()).isEqualTo(1);
        assertThat(metrics.get("promisesKept").asLong()).isZero();
        assertThat(metrics.get("timeToFirstPublicUpdateSeconds").asLong()).isZero();
        assertThat(metrics.get("timeToResolveSeconds").asLong()).isEqualTo(3600);
    }

    @Test
    void theAggregateOverJuly2024IsTheReferenceIncident() {
        var response = api.get("/api/v1/metrics/incidents?from=2024-07-01T00:00:00Z&to=2024-08-01T00:00:00Z")
                .as(ApiClient.AUDITOR).send();
        assertThat(response.status()).isEqualTo(200);
        JsonNode summary = response.json();
        assertThat(summary.get("incidents").asInt()).isEqualTo(1);
        assertThat(summary.get("resolved").asInt()).isEqualTo(1);
        assertThat(summary.get("meanTimeToResolve").asText()).isEqualTo("PT2H58M");
        assertThat(summary.get("medianTimeToFirstPublicUpdate").asText()).isEqualTo("PT2H37M");
        assertThat(summary.get("promisesKept").asLong()).isEqualTo(1);
    }

    @Test
    void metricsNeedAResponderOrAuditorAndValidInput() {
        assertThat(api.get(REFERENCE).send().status()).isEqualTo(401);
        assertThat(api.get(REFERENCE).as(ApiClient.RESPONDER).send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/incidents/no-such-incident/metrics").as(ApiClient.AUDITOR).send().status())
                .isEqualTo(404);
        for (String query : java.util.List.of("", "?from=2024-07-01T00:00:00Z", "?from=july&to=2024-08-01T00:00:00Z",
                "?from=2024-08-01T00:00:00Z&to=2024-07-01T00:00:00Z",
                "?from=2024-07-01T00:00:00Z&to=%2B1000000000-01-01T00:00:00Z")) {
            var response = api.get("/api/v1/metrics/incidents" + query).as(ApiClient.AUDITOR).send();
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
    }
}
