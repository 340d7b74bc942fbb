package io.incidenttimeline.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import io.incidenttimeline.api.support.ReferenceIncidentFixture;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * "What did the public page say at time T?" T is a recorded time: the view is the fold of the events recorded up to
 * T. Backfilled events are recorded when they were told, so the tests take T from the audit trail.
 */
class TimeTravelApiTest extends ApiIntegrationTest {

    @Test
    void theViewBetweenTwoCommandsShowsOnlyWhatWasRecordedByThen() {
        String component = ApiClient.uniqueId("payments");
        Incidents.defineComponent(api, component, "Payments", null, 9);
        String incident = ApiClient.uniqueId("travel");
        Incidents.declare(api, Bodies.with(Bodies.declaration(incident), "components", Map.of(component, "partial_outage")));
        Incidents.post(api, incident, Bodies.with(Bodies.update("resolved", "All good again."), "components",
                Map.of(component, "operational")));
        JsonNode events = Eventually.until(() -> api.get("/api/v1/audit/events?incident=" + incident).as(ApiClient.AUDITOR)
                .send().json().get("events"), e -> e.size() == 4, "four audit rows");
        String declaredAt = events.get(1).get("recordedAt").asText();
        String resolvedAt = events.get(3).get("recordedAt").asText();
        assertThat(java.time.Instant.parse(declaredAt)).isBefore(java.time.Instant.parse(resolvedAt));

        JsonNode then = view(incident, declaredAt);
        assertThat(then.get("asOf").asText()).isEqualTo(declaredAt);
        assertThat(then.get("status").asText()).isEqualTo("investigating");
        assertThat(then.get("updates")).hasSize(1);
        assertThat(then.get("components").get(0).get("status").asText()).isEqualTo("partial_outage");

        JsonNode now = view(incident, resolvedAt);
        assertThat(now.get("status").asText()).isEqualTo("resolved");
        assertThat(now.get("updates")).hasSize(2);

        JsonNode summaryThen = api.get("/api/v1/audit/summary?asOf=" + declaredAt).as(ApiClient.AUDITOR).send().json();
        assertThat(summaryThen.get("incidents")).extracting(i -> i.get("id").asText()).contains(incident);
        assertThat(component(summaryThen, component).get("status").asText()).isEqualTo("partial_outage");
        JsonNode summaryLater = api.get("/api/v1/audit/summary?asOf=" + resolvedAt).as(ApiClient.AUDITOR).send().json();
        assertThat(summaryLater.get("incidents")).extracting(i -> i.get("id").asText()).doesNotContain(incident);
        assertThat(component(summaryLater, component).get("status").asText()).isEqualTo("operational");

        JsonNode live = Eventually.until(() -> api.get("/api/public/v1/incidents/" + incident).send(),
                r -> r.status() == 200 && r.json().get("status").asText().equals("resolved"), "the live view").json();
        JsonNode travelled = view(incident, resolvedAt);
        travelled = ((com.fasterxml.jackson.databind.node.ObjectNode) travelled).without(java.util.List.of("asOf"));
        assertThat(travelled).isEqualTo(live);
    }

    /**
     * The reference incident happened on 5 July 2024 but was recorded when this store told it: 13:40 UTC that day is
     * before the store's first event, so there is no history to show (not an empty "All Systems Operational" page).
     */
    @Test
    void beforeTheFirstRecordedEventThereIsNoHistoryAndTheProblemSaysSinceWhen() {
        ReferenceIncidentFixture.loadAndProject(api);
        for (String path : java.util.List.of("/api/v1/audit/incidents/" + ReferenceIncidentFixture.ID
                + "/public-view?asOf=2024-07-05T13:40:00Z", "/api/v1/audit/summary?asOf=2024-07-05T13:40:00Z")) {
            var before = api.get(path).as(ApiClient.AUDITOR).send();
            assertThat(before.status()).as(path).isEqualTo(404);
            assertThat(before.header("Content-Type")).startsWith("application/problem+json");
            assertThat(before.json().get("type").asText()).isEqualTo("/problems/no-history-before");
            assertThat(before.json().get("field").asText()).isEqualTo("asOf");
            Instant first = Instant.parse(before.json().get("firstRecordedAt").asText());
            assertThat(first).isAfter(Instant.parse("2024-07-05T13:40:00Z"));
            assertThat(before.json().get("detail").asText()).startsWith("no history before " + first);
        }
        Instant first = Instant.parse(api.get("/api/v1/audit/summary?asOf=2024-07-05T13:40:00Z").as(ApiClient.AUDITOR)
                .send().json().get("firstRecordedAt").asText());
        assertThat(api.get("/api/v1/audit/summary?asOf=" + first).as(ApiClient.AUDITOR).send().status())
                .as("the first recorded moment itself has a history").isEqualTo(200);
        assertThat(api.get("/api/v1/audit/summary?asOf=" + first.minus(1, ChronoUnit.MICROS)).as(ApiClient.AUDITOR)
                .send().json().get("type").asText()).isEqualTo("/problems/no-history-before");
    }

    /** The worked example of the README: asOf is a recording time, taken from the audit trail. */
    @Test
    void theReferenceIncidentAsOfTheRecordingOfIts1331Update() {
        ReferenceIncidentFixture.loadAndProject(api);
        JsonNode events = api.get("/api/v1/audit/events?incident=" + ReferenceIncidentFixture.ID + "&type=UpdatePosted")
                .as(ApiClient.AUDITOR).send().json().get("events");
        String recorded1331 = events.get(0).get("recordedAt").asText();
        var response = api.get("/api/v1/audit/incidents/" + ReferenceIncidentFixture.ID + "/public-view?asOf="
                + recorded1331 + "&tz=America/Los_Angeles").as(ApiClient.AUDITOR).send();
        assertThat(response.header("Content-Language")).isEqualTo("en");
        JsonNode asTold = response.json();
        assertThat(asTold.get("status").asText()).isEqualTo("identified");
        assertThat(asTold.get("updates")).hasSize(1);
        assertThat(asTold.get("updates").get(0).get("displayAt").get("text").asText()).isEqualTo("2024-07-05 06:31 PDT");
        assertThat(asTold.get("nextUpdateDueAt").get("utc").asText()).isEqualTo("2024-07-05T14:01:00Z");
        assertThat(asTold.get("nextUpdateOverdue").asBoolean()).isTrue();
        assertThat(asTold.get("impactWindow").get("startedAt").isNull()).isTrue();
        assertThat(asTold.get("postMortem").isNull()).isTrue();
        assertThat(asTold.get("regions")).extracting(JsonNode::asText).containsExactly("several pods");
        assertThat(asTold.get("components").get(0).get("status").asText()).isEqualTo("partial_outage");
    }

    @Test
    void anIncidentNotYetRecordedAtAsOfWasNotPublicThen() {
        String component = ApiClient.uniqueId("search");
        Incidents.defineComponent(api, component, "Search", null, 9);
        String incident = ApiClient.uniqueId("not-yet");
        Incidents.declare(api, Bodies.declaration(incident));
        JsonNode events = Eventually.until(() -> api.get("/api/v1/audit/events?incident=" + incident).as(ApiClient.AUDITOR)
                .send().json().get("events"), e -> e.size() >= 2, "the declaration's audit rows");
        Instant recorded = java.util.stream.StreamSupport.stream(events.spliterator(), false)
                .map(e -> Instant.parse(e.get("recordedAt").asText())).min(Instant::compareTo).orElseThrow();
        Instant justBefore = recorded.minus(1, ChronoUnit.MILLIS);

        var then = api.get("/api/v1/audit/incidents/" + incident + "/public-view?asOf=" + justBefore)
                .as(ApiClient.AUDITOR).send();
        assertThat(then.status()).isEqualTo(404);
        assertThat(then.json().get("type").asText()).isEqualTo("/problems/incident-not-public");
    }

    @Test
    void badOrMissingAsOfIsRefusedWith400() {
        for (String path : java.util.List.of("/api/v1/audit/incidents/x/public-view", "/api/v1/audit/summary?asOf=13:40",
                "/api/v1/audit/incidents/x/public-view?asOf=2024-07-05T13:40:00Z&tz=Nowhere/Else")) {
            var response = api.get(path).as(ApiClient.AUDITOR).send();
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        }
    }

    private JsonNode view(String incident, String asOf) {
        var response = api.get("/api/v1/audit/incidents/" + incident + "/public-view?asOf=" + asOf).as(ApiClient.AUDITOR).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode component(JsonNode summary, String id) {
        for (JsonNode c : summary.get("components")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no component " + id);
    }
}
