package io.incidenttimeline.api.incident;

import static io.incidenttimeline.api.incident.IncidentCommandApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PUT /api/v1/incidents/{id}/lifecycle/{moment}: lifecycle times recorded, corrected with a reason, refused by the
 * domain's rules with the field named, shown to responders with their history, and never to the public.
 */
class LifecycleTimeApiTest extends ApiIntegrationTest {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final Instant declaredAt = now.minus(Duration.ofHours(2));
    private final Instant resolvedAt = now.minus(Duration.ofMinutes(10));
    private String incidentId;

    @BeforeEach
    void declareAndResolve() {
        incidentId = ApiClient.uniqueId("life");
        Incidents.declare(api, Bodies.with(Bodies.declaration(incidentId), "occurredAt", declaredAt.toString()));
        Incidents.post(api, incidentId, Bodies.with(Bodies.update("resolved", "Checkouts work again."), "occurredAt",
                resolvedAt.toString()));
    }

    private ApiClient.Response record(String moment, Map<String, Object> body) {
        return api.put("/api/v1/incidents/" + incidentId + "/lifecycle/" + moment).as(ApiClient.RESPONDER).json(body)
                .send();
    }

    private static Map<String, Object> at(Instant at, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("at", at.toString());
        if (reason != null) {
            body.put("reason", reason);
        }
        return body;
    }

    private JsonNode responderView(long version) {
        var response = api.get("/api/v1/incidents/" + incidentId + "?minVersion=" + version).as(ApiClient.RESPONDER)
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode moment(JsonNode incident, String name) {
        for (JsonNode moment : incident.get("lifecycle")) {
            if (moment.get("moment").asText().equals(name)) {
                return moment;
            }
        }
        throw new AssertionError("no lifecycle moment " + name + " in " + incident.get("lifecycle"));
    }

    @Test
    void momentsAreRecordedCorrectedWithAReasonAndShownToRespondersWithTheirHistory() {
        Instant firstGuess = declaredAt.minus(Duration.ofMinutes(5));
        Instant detected = declaredAt.minus(Duration.ofMinutes(12));
        var first = record("detected", at(firstGuess, null));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().get("version").asLong()).isEqualTo(4);
        assertThat(first.header("ETag")).isEqualTo("\"4\"");
        assertThat(record("acknowledged", at(declaredAt.minus(Duration.ofMinutes(2)), null)).status()).isEqualTo(200);
        assertThat(record("identified", at(declaredAt.plus(Duration.ofMinutes(20)), null)).status()).isEqualTo(200);
        assertThat(record("mitigated", at(resolvedAt.minus(Duration.ofMinutes(15)), null)).status()).isEqualTo(200);
        var corrected = api.put("/api/v1/incidents/" + incidentId + "/lifecycle/detected").as(ApiClient.RESPONDER)
                .header("If-Match", "\"7\"").json(at(detected, "the alert fired earlier by the monitoring history"))
                .send();
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        Instant resolvedVerified = resolvedAt.minus(Duration.ofMinutes(3));
        var resolution = record("resolved", at(resolvedVerified, "verified before the update went out"));
        assertThat(resolution.status()).as(resolution.toString()).isEqualTo(200);
        long version = resolution.json().get("version").asLong();
        assertThat(version).isEqualTo(9);

        JsonNode incident = responderView(version);
        assertThat(incident.get("lifecycle")).extracting(m -> m.get("moment").asText())
                .as("in the order they happened").containsExactly("detected", "acknowledged", "identified",
                        "mitigated", "resolved");
        JsonNode detection = moment(incident, "detected");
        assertThat(detection.get("at").asText()).isEqualTo(detected.toString());
        assertThat(detection.get("history")).hasSize(2);
        assertThat(detection.at("/history/0/reason").isNull()).as("a first recording needs no reason").isTrue();
        assertThat(detection.at("/history/1/previousAt").asText()).isEqualTo(firstGuess.toString());
        assertThat(detection.at("/history/1/reason").asText()).isEqualTo("the alert fired earlier by the monitoring history");
        assertThat(detection.at("/history/1/recorded/by").asText()).isEqualTo("test-responder");
        assertThat(detection.at("/history/1/recorded/channel").asText()).isEqualTo("api");
        assertThat(detection.at("/history/1/recorded/recordedAt").asText()).isNotBlank();
        JsonNode resolved = moment(incident, "resolved");
        assertThat(resolved.get("at").asText()).isEqualTo(resolvedVerified.toString());
        assertThat(resolved.at("/history/0/previousAt").asText()).as("the resolving update's time it corrects")
                .isEqualTo(resolvedAt.toString());

        JsonNode events = api.get("/api/v1/incidents/" + incidentId + "/events").as(ApiClient.AUDITOR).send().json()
                .get("events");
        JsonNode last = events.get(events.size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("LifecycleTimeRecorded");
        assertThat(last.at("/payload/moment").asText()).isEqualTo("resolved");
        assertThat(last.at("/payload/previousAt").asText()).isEqualTo(resolvedAt.toString());
        assertThat(last.at("/metadata/actor").asText()).isEqualTo("test-responder");
        assertThat(last.at("/metadata/role").asText()).isEqualTo("responder");
    }

    @Test
    void theResolvedMomentDefaultsToTheResolvingUpdatesTime() {
        var read = Eventually.until(() -> api.get("/api/v1/incidents/" + incidentId).as(ApiClient.RESPONDER).send(),
                r -> r.status() == 200 && r.json().get("resolved").asBoolean(), "the resolved incident");
        JsonNode resolved = moment(read.json(), "resolved");
        assertThat(resolved.get("at").asText()).isEqualTo(resolvedAt.toString());
        assertThat(resolved.get("fromUpdate").asText()).isNotBlank();
        assertThat(resolved.get("history")).isEmpty();

        var same = record("resolved", at(resolvedAt, null));
        assertThat(same.status()).as("the same time again changes nothing").isEqualTo(200);
        assertThat(same.json().get("version").asLong()).isEqualTo(3);
    }

    @Test
    void everyRuleRefusesWithTheFieldNamed() {
        Instant detected = declaredAt.minus(Duration.ofMinutes(10));
        assertThat(record("detected", at(detected, null)).status()).isEqualTo(200);

        var unknown = record("noticed", at(detected, null));
        assertProblem(unknown, 400, "unknown-moment", "moment");
        assertThat(unknown.json().get("detail").asText()).contains("identified");
        assertProblem(record("detected", at(detected.plusSeconds(60), null)), 400, "text-required", "reason");
        assertProblem(record("detected", at(detected.plusSeconds(60), " ")), 400, "text-required", "reason");
        assertProblem(record("mitigated", at(detected.minusSeconds(60), null)), 409, "lifecycle-before-detection", "at");
        assertProblem(record("acknowledged", at(detected.minusSeconds(1), null)), 409, "lifecycle-before-detection", "at");
        assertProblem(record("mitigated", at(resolvedAt.plusSeconds(60), null)), 409, "lifecycle-after-resolution", "at");
        assertProblem(record("resolved", at(detected.minusSeconds(60), "earlier")), 409, "lifecycle-after-resolution", "at");
        assertProblem(record("identified", at(now.plus(Duration.ofMinutes(5)), null)), 400, "time-in-future", "at");
        assertProblem(record("identified", Map.of("at", "yesterday")), 400, "invalid-field", "at");
        assertProblem(record("identified", Map.of()), 400, "value-required", "at");
        assertProblem(record("identified", Map.of("at", detected.toString(), "note", "x")), 400, "unknown-field", "note");
        assertProblem(record("identified", at(detected, "x".repeat(1001))), 400, "text-too-long", "reason");

        String open = ApiClient.uniqueId("life-open");
        Incidents.declare(api, Bodies.declaration(open));
        assertProblem(api.put("/api/v1/incidents/" + open + "/lifecycle/resolved").as(ApiClient.RESPONDER)
                .json(at(now.minusSeconds(60), null)).send(), 409, "lifecycle-resolved-while-open", "moment");
        assertProblem(api.put("/api/v1/incidents/no-such-incident/lifecycle/detected").as(ApiClient.RESPONDER)
                .json(at(detected, null)).send(), 404, "not-found", "id");

        JsonNode events = api.get("/api/v1/incidents/" + incidentId + "/events").as(ApiClient.AUDITOR).send().json()
                .get("events");
        List<String> types = new ArrayList<>();
        events.forEach(e -> types.add(e.get("type").asText()));
        assertThat(types).as("nothing refused was stored").filteredOn("LifecycleTimeRecorded"::equals).hasSize(1);
    }

    @Test
    void aStaleIfMatchIsRefusedAndARetryWithTheSameKeyStoresNothingTwice() {
        Instant detected = declaredAt.minus(Duration.ofMinutes(10));
        var stale = api.put("/api/v1/incidents/" + incidentId + "/lifecycle/detected").as(ApiClient.RESPONDER)
                .header("If-Match", "\"1\"").json(at(detected, null)).send();
        assertProblem(stale, 412, "version-mismatch", "If-Match");

        String key = "life-" + UUID.randomUUID();
        var firstTry = api.put("/api/v1/incidents/" + incidentId + "/lifecycle/detected").as(ApiClient.RESPONDER)
                .header("Idempotency-Key", key).json(at(detected, null)).send();
        var retry = api.put("/api/v1/incidents/" + incidentId + "/lifecycle/detected").as(ApiClient.RESPONDER)
                .header("Idempotency-Key", key).json(at(detected, null)).send();
        assertThat(firstTry.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(firstTry.body());
        var reused = api.put("/api/v1/incidents/" + incidentId + "/lifecycle/detected").as(ApiClient.RESPONDER)
                .header("Idempotency-Key", key).json(at(detected.minusSeconds(60), "other")).send();
        assertProblem(reused, 422, "idempotency-key-reused", "Idempotency-Key");
    }

    @Test
    void anAuditorMayReadButNotRecord() {
        var auditor = api.put("/api/v1/incidents/" + incidentId + "/lifecycle/detected").as(ApiClient.AUDITOR)
                .json(at(declaredAt, null)).send();
        assertProblem(auditor, 403, "forbidden", null);
        var anonymous = api.put("/api/v1/incidents/" + incidentId + "/lifecycle/detected").json(at(declaredAt, null))
                .send();
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void thePublicPageJsonAndStatuspageApiStayByteIdenticalWithTheirETags() {
        String marker = "LIFECYCLE-" + UUID.randomUUID();
        List<String> paths = List.of("/api/public/v1/incidents/" + incidentId,
                "/api/public/v1/incidents/" + incidentId + "?lang=de", "/incidents/" + incidentId + "?lang=en&tz=UTC",
                "/api/v2/incidents.json");
        Eventually.until(() -> api.get(paths.get(0)).send(),
                r -> r.status() == 200 && r.json().get("status").asText().equals("resolved"), "the public view");
        awaitPublicViewAtHead();
        Map<String, ApiClient.Response> before = new LinkedHashMap<>();
        paths.forEach(path -> before.put(path, api.get(path).send()));

        assertThat(record("detected", at(declaredAt.minus(Duration.ofMinutes(10)), null)).status()).isEqualTo(200);
        assertThat(record("detected", at(declaredAt.minus(Duration.ofMinutes(20)), marker)).status()).isEqualTo(200);
        assertThat(record("identified", at(declaredAt.plus(Duration.ofMinutes(5)), null)).status()).isEqualTo(200);
        assertThat(record("mitigated", at(resolvedAt.minus(Duration.ofMinutes(5)), null)).status()).isEqualTo(200);
        assertThat(record("resolved", at(resolvedAt.minus(Duration.ofMinutes(1)), marker)).status()).isEqualTo(200);
        awaitPublicViewAtHead();

        for (String path : paths) {
            var after = api.get(path).send();
            assertThat(after.status()).as(path).isEqualTo(200);
            assertThat(after.body()).as(path).isEqualTo(before.get(path).body()).doesNotContain(marker);
            assertThat(after.header("ETag")).as(path).isEqualTo(before.get(path).header("ETag"));
            assertThat(after.header("Last-Modified")).as(path).isEqualTo(before.get(path).header("Last-Modified"));
        }
        for (String feed : List.of("/history.atom", "/history.rss", "/api/v2/summary.json")) {
            assertThat(api.get(feed).send().body()).as(feed).doesNotContain(marker);
        }
    }

    /** The public view has read every event stored so far, the lifecycle times included. */
    private void awaitPublicViewAtHead() {
        Eventually.until(() -> api.get("/api/v1/admin/projections").as(ApiClient.ADMIN).send().json(), list -> {
            for (JsonNode projection : list.get("projections")) {
                if (projection.get("name").asText().equals("public-view")) {
                    return projection.get("caughtUp").asBoolean()
                            && projection.get("position").asLong() >= projection.get("head").asLong();
                }
            }
            return false;
        }, "the public view at the event store's head");
    }
}
