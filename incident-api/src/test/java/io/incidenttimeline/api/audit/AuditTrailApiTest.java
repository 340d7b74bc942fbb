package io.incidenttimeline.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import io.incidenttimeline.api.support.ReferenceIncidentFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit trail, paged by cursor, for auditors only. */
class AuditTrailApiTest extends ApiIntegrationTest {

    @BeforeEach
    void reference() {
        ReferenceIncidentFixture.loadAndProject(api);
    }

    @Test
    void onlyAuditorsReadTheAuditTrail() {
        var anonymous = api.get("/api/v1/audit/events").send();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/audit/events").as(ApiClient.RESPONDER).send().status()).isEqualTo(403);
        assertThat(api.get("/api/v1/audit/summary?asOf=2024-07-05T13:40:00Z").as(ApiClient.RESPONDER).send().status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/audit/incidents/x/public-view?asOf=2024-07-05T13:40:00Z").send().status())
                .isEqualTo(401);
        assertThat(api.get("/api/v1/audit/events").as(ApiClient.AUDITOR).send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/audit/events").as(ApiClient.ADMIN).send().status()).isEqualTo(200);
    }

    @Test
    void everyEventOfTheReferenceIncidentIsARowWithWhoWhenAndHow() {
        JsonNode events = referenceEvents();
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly(
                "IncidentDeclared", "UpdatePosted", "LifecycleTimeRecorded", "LifecycleTimeRecorded",
                "LifecycleTimeRecorded", "ImpactWindowRecorded", "LifecycleTimeRecorded", "UpdatePosted",
                "IncidentResolved", "UpdatePosted", "PostMortemPublished", "TranslationAdded");
        assertThat(events.get(2).at("/payload/moment").asText()).as("lifecycle times are in the audit trail")
                .isEqualTo("detected");
        assertThat(events.get(2).at("/payload/at").asText()).isEqualTo("2024-07-05T13:20:00Z");
        long previous = -1;
        for (JsonNode event : events) {
            assertThat(event.get("position").asLong()).isGreaterThan(previous);
            previous = event.get("position").asLong();
            assertThat(event.get("eventId").asText()).isNotBlank();
            assertThat(event.get("revision").asText()).isEqualTo("1");
            assertThat(event.get("incidentId").asText()).isEqualTo(ReferenceIncidentFixture.ID);
            assertThat(event.get("actor").asText()).isEqualTo("test-admin");
            assertThat(event.get("role").asText()).isEqualTo("admin");
            assertThat(event.get("channel").asText()).isEqualTo("api");
            assertThat(event.get("correlationId").asText()).isEqualTo(ReferenceIncidentFixture.CORRELATION_ID);
            assertThat(event.get("idempotencyKey").asText()).startsWith("reference-");
            assertThat(event.get("recordedAt").asText()).isNotBlank();
            assertThat(event.get("payload").get("incidentId").asText()).isEqualTo(ReferenceIncidentFixture.ID);
        }
        assertThat(events.get(1).get("occurredAt").asText()).isEqualTo("2024-07-05T13:31:00Z");
        assertThat(events.get(1).get("payload").get("message").asText()).startsWith("We are aware of");
    }

    @Test
    void filtersNarrowTheTrail() {
        String incident = ApiClient.uniqueId("audit-filter");
        Incidents.declare(api, Bodies.declaration(incident));
        Incidents.post(api, incident, Bodies.update("identified", "Found it."));
        JsonNode all = awaitEvents(incident, 3);

        JsonNode updates = api.get("/api/v1/audit/events?incident=" + incident + "&type=UpdatePosted").as(ApiClient.AUDITOR)
                .send().json().get("events");
        assertThat(updates).hasSize(2).allSatisfy(e -> assertThat(e.get("type").asText()).isEqualTo("UpdatePosted"));

        JsonNode byActor = api.get("/api/v1/audit/events?incident=" + incident + "&actor=test-responder")
                .as(ApiClient.AUDITOR).send().json().get("events");
        assertThat(byActor).hasSize(3);
        assertThat(api.get("/api/v1/audit/events?incident=" + incident + "&actor=someone-else").as(ApiClient.AUDITOR)
                .send().json().get("events")).isEmpty();

        String firstRecorded = all.get(0).get("recordedAt").asText();
        String lastRecorded = all.get(2).get("recordedAt").asText();
        JsonNode fromLast = api.get("/api/v1/audit/events?incident=" + incident + "&from=" + lastRecorded)
                .as(ApiClient.AUDITOR).send().json().get("events");
        assertThat(fromLast).extracting(e -> e.get("type").asText()).containsExactly("UpdatePosted");
        JsonNode beforeLast = api.get("/api/v1/audit/events?incident=" + incident + "&from=" + firstRecorded
                + "&to=" + lastRecorded).as(ApiClient.AUDITOR).send().json().get("events");
        assertThat(beforeLast).hasSize(2);
    }

    @Test
    void cursorPagingWalksTheWholeTrailOnce() {
        String incident = ApiClient.uniqueId("audit-paging");
        Incidents.declare(api, Bodies.declaration(incident));
        for (int i = 0; i < 4; i++) {
            Incidents.post(api, incident, Bodies.update("investigating", "Still looking, round " + i));
        }
        JsonNode all = awaitEvents(incident, 6);

        List<Long> paged = new ArrayList<>();
        String path = "/api/v1/audit/events?incident=" + incident + "&limit=4";
        int pages = 0;
        while (path != null) {
            JsonNode page = api.get(path).as(ApiClient.AUDITOR).send().json();
            assertThat(page.get("events").size()).isBetween(1, 4);
            page.get("events").forEach(e -> paged.add(e.get("position").asLong()));
            pages++;
            path = page.get("next").isNull() ? null : page.get("next").asText().replaceFirst("^https?://[^/]+", "");
            if (path != null) {
                assertThat(path).contains("after=" + page.get("nextAfter").asLong());
            }
        }
        assertThat(pages).isEqualTo(2);
        List<Long> expected = new ArrayList<>();
        all.forEach(e -> expected.add(e.get("position").asLong()));
        assertThat(paged).containsExactlyElementsOf(expected);
    }

    @Test
    void badParametersAreRefusedWith400() {
        for (String query : List.of("limit=0", "limit=100000", "limit=ten", "after=-5", "after=abc", "from=yesterday",
                "to=2024-13-01T00:00:00Z", "from=%2B1000000000-01-01T00:00:00Z")) {
            var response = api.get("/api/v1/audit/events?" + query).as(ApiClient.AUDITOR).send();
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("field").asText()).isEqualTo(query.substring(0, query.indexOf('=')));
        }
        var beyond = api.get("/api/v1/audit/summary?asOf=%2B1000000000-01-01T00:00:00Z").as(ApiClient.AUDITOR).send();
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.json().get("field").asText()).isEqualTo("asOf");
        var missing = api.get("/api/v1/audit/summary").as(ApiClient.AUDITOR).send();
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("field").asText()).isEqualTo("asOf");
    }

    private JsonNode referenceEvents() {
        return awaitEvents(ReferenceIncidentFixture.ID, 12);
    }

    private JsonNode awaitEvents(String incident, int count) {
        return Eventually.until(() -> api.get("/api/v1/audit/events?incident=" + incident).as(ApiClient.AUDITOR).send()
                .json().get("events"), events -> events.size() == count, count + " audit rows of " + incident);
    }
}
