package io.incidenttimeline.api.http.read.responder;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /api/v1/incidents/{id}: the whole incident as responders know it, and its ETag for the next command. */
class ResponderIncidentApiTest extends ApiIntegrationTest {

    @Test
    void theIncidentShowsEveryUpdateInternalOnesMarkedWithCorrectionsTranslationsPostMortemAndPromises() {
        String marker = "INTERNAL-" + UUID.randomUUID();
        String component = ApiClient.uniqueId("resp-db");
        Incidents.defineComponent(api, component, "Database", "Core", 1);
        String id = ApiClient.uniqueId("resp-full");
        Instant declaredAt = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Incidents.declare(api, Bodies.with(Bodies.with(Bodies.with(Bodies.with(Bodies.declaration(id), "components",
                Map.of(component, "partial_outage")), "occurredAt", declaredAt.toString()), "nextUpdateInMinutes", 30),
                "regions", List.of("eu-west")));
        String firstUpdate = Eventually.until(() -> read(id), r -> r.status() == 200, "the declared incident")
                .json().at("/updates/0/id").asText();
        String internal = ApiClient.uniqueId("upd");
        Incidents.post(api, id, Bodies.with(Bodies.with(Bodies.update("identified", "Internal note " + marker),
                "visibility", "internal"), "updateId", internal));
        String amended = ApiClient.uniqueId("upd");
        Incidents.post(api, id, Bodies.with(Bodies.with(Bodies.update("identified", "First text"), "updateId", amended),
                "nextUpdateInMinutes", 60));
        Incidents.command(api, "POST", "/api/v1/incidents/" + id + "/translations", Map.of("locale", "de",
                "machineTranslated", false, "title", "Titel", "updates", Map.of(amended, "Erster Text",
                        firstUpdate, "Wir untersuchen")));
        Incidents.command(api, "POST", "/api/v1/incidents/" + id + "/updates/" + amended + "/amendments",
                Map.of("message", "Corrected text", "reason", "typo"));
        String retracted = ApiClient.uniqueId("upd");
        Incidents.post(api, id, Bodies.with(Bodies.update("monitoring", "Wrong incident"), "updateId", retracted));
        Incidents.command(api, "POST", "/api/v1/incidents/" + id + "/updates/" + retracted + "/retraction",
                Map.of("reason", "posted on the wrong incident"));
        Incidents.command(api, "PUT", "/api/v1/incidents/" + id + "/impact-window", Map.of("startedAt",
                declaredAt.minus(10, ChronoUnit.MINUTES).toString(), "reason", "from the error logs"));
        Incidents.post(api, id, Bodies.with(Bodies.update("resolved", "Fixed"), "components",
                Map.of(component, "operational")));
        Incidents.command(api, "PUT", "/api/v1/incidents/" + id + "/postmortem", Map.of("summary", "S",
                "rootCause", "R", "resolution", "X", "remediation", List.of(Map.of("title", "Add an alert"),
                        Map.of("title", "Write a runbook", "dueDate", "2030-01-31"))));
        var completed = Incidents.command(api, "POST",
                "/api/v1/incidents/" + id + "/postmortem/remediation/item-1/completion", Map.of());
        long version = completed.json().get("version").asLong();

        var response = api.get("/api/v1/incidents/" + id + "?minVersion=" + version).as(ApiClient.AUDITOR).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("ETag")).isEqualTo("\"" + version + "\"");
        JsonNode incident = response.json();
        assertThat(incident.get("version").asLong()).isEqualTo(version);
        assertThat(incident.get("status").asText()).isEqualTo("resolved");
        assertThat(incident.get("resolved").asBoolean()).isTrue();
        assertThat(incident.get("visibility").asText()).isEqualTo("public");
        assertThat(incident.get("regions").get(0).asText()).isEqualTo("eu-west");
        assertThat(incident.at("/declared/by").asText()).isEqualTo("test-responder");
        assertThat(incident.at("/declared/at").asText()).isEqualTo(declaredAt.toString());
        assertThat(incident.at("/components/0/id").asText()).isEqualTo(component);
        assertThat(incident.at("/components/0/name").asText()).isEqualTo("Database");
        assertThat(incident.at("/components/0/status").asText()).isEqualTo("operational");
        assertThat(incident.at("/impactWindow/reason").asText()).isEqualTo("from the error logs");
        assertThat(incident.get("impactWindowHistory")).hasSize(1);

        JsonNode updates = incident.get("updates");
        assertThat(updates).hasSize(5);
        JsonNode note = update(updates, internal);
        assertThat(note.get("visibility").asText()).isEqualTo("internal");
        assertThat(note.get("internal").asBoolean()).isTrue();
        assertThat(note.get("message").asText()).contains(marker);
        JsonNode corrected = update(updates, amended);
        assertThat(corrected.get("message").asText()).isEqualTo("Corrected text");
        assertThat(corrected.get("amended").asBoolean()).isTrue();
        assertThat(corrected.at("/amendments/0/previousMessage").asText()).isEqualTo("First text");
        assertThat(corrected.at("/amendments/0/reason").asText()).isEqualTo("typo");
        assertThat(corrected.at("/amendments/0/amended/by").asText()).isEqualTo("test-responder");
        JsonNode withdrawn = update(updates, retracted);
        assertThat(withdrawn.get("retracted").asBoolean()).isTrue();
        assertThat(withdrawn.at("/retraction/reason").asText()).isEqualTo("posted on the wrong incident");
        assertThat(withdrawn.get("message").asText()).isEqualTo("Wrong incident");

        JsonNode german = incident.at("/translations/0");
        assertThat(german.get("locale").asText()).isEqualTo("de");
        assertThat(german.at("/title/current").asBoolean()).isTrue();
        assertThat(german.at("/updates/" + firstUpdate + "/current").asBoolean())
                .as("the first update's text never changed").isTrue();
        assertThat(german.at("/updates/" + amended + "/current").asBoolean())
                .as("translated before the amendment").isFalse();

        JsonNode postMortem = incident.get("postMortem");
        assertThat(postMortem.get("revision").asInt()).isEqualTo(1);
        assertThat(postMortem.at("/remediation/0/completed").asBoolean()).isTrue();
        assertThat(postMortem.at("/remediation/0/completedBy/by").asText()).isEqualTo("test-responder");
        assertThat(postMortem.at("/remediation/1/completed").asBoolean()).isFalse();
        assertThat(postMortem.at("/remediation/1/dueDate").asText()).isEqualTo("2030-01-31");

        JsonNode promises = incident.get("promises");
        assertThat(promises).hasSize(2);
        assertThat(promises.at("/0/updateId").asText()).isEqualTo(firstUpdate);
        assertThat(promises.at("/0/outcome").asText()).as("answered two hours after the promised half hour")
                .isEqualTo("broken");
        assertThat(promises.at("/0/answeredBy").asText()).isEqualTo(amended);
        assertThat(promises.at("/1/updateId").asText()).isEqualTo(amended);
        assertThat(promises.at("/1/outcome").asText()).as("resolved within the hour").isEqualTo("kept");

        List<String> publicPaths = new ArrayList<>(List.of("/api/v2/summary.json", "/api/v2/incidents.json",
                "/api/public/v1/incidents/" + id, "/incidents/" + id, "/", "/history.atom"));
        for (String path : publicPaths) {
            assertThat(api.get(path).send().body()).as(path).doesNotContain(marker).doesNotContain("Internal note");
        }
    }

    @Test
    void theETagIsWhatIfMatchTakesSoA412sAdviceCanBeFollowed() {
        String id = ApiClient.uniqueId("resp-etag");
        Incidents.declare(api, Bodies.declaration(id));
        var read = Eventually.until(() -> read(id), r -> r.status() == 200, "the declared incident");
        String etag = read.header("ETag");

        var posted = api.post("/api/v1/incidents/" + id + "/updates").as(ApiClient.RESPONDER).header("If-Match", etag)
                .json(Bodies.update("identified", "Found it")).send();
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        var stale = api.post("/api/v1/incidents/" + id + "/updates").as(ApiClient.RESPONDER).header("If-Match", etag)
                .json(Bodies.update("identified", "Found it again")).send();
        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
        assertThat(stale.json().get("detail").asText()).contains("read it again and retry with its current ETag");

        String version = posted.header("ETag").replace("\"", "");
        var again = api.get("/api/v1/incidents/" + id + "?minVersion=" + version).as(ApiClient.RESPONDER).send();
        assertThat(again.header("ETag")).isEqualTo(posted.header("ETag")).isNotEqualTo(etag);
        var retried = api.post("/api/v1/incidents/" + id + "/updates").as(ApiClient.RESPONDER)
                .header("If-Match", again.header("ETag")).json(Bodies.update("identified", "Found it again")).send();
        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
    }

    @Test
    void theLocationOfADeclarationIsTheIncidentWithItsETag() {
        String id = ApiClient.uniqueId("resp-loc");
        var declared = api.post("/api/v1/incidents").as(ApiClient.RESPONDER).json(Bodies.declaration(id)).send();
        assertThat(declared.status()).isEqualTo(201);
        String location = declared.header("Location");
        assertThat(location).endsWith("/api/v1/incidents/" + id);
        String path = location.replaceFirst("^https?://[^/]+", "");

        var incident = api.get(path + "?minVersion=" + declared.json().get("version").asLong())
                .as(ApiClient.RESPONDER).send();
        assertThat(incident.status()).as(incident.toString()).isEqualTo(200);
        assertThat(incident.json().get("id").asText()).isEqualTo(id);
        assertThat(incident.header("ETag")).isEqualTo(declared.header("ETag"));
    }

    @Test
    void anInternalOnlyIncidentIsReadByRespondersAndMarkedInternal() {
        String id = ApiClient.uniqueId("resp-int");
        Incidents.declare(api, Bodies.with(Bodies.declaration(id), "visibility", "internal"));
        JsonNode incident = Eventually.until(() -> read(id), r -> r.status() == 200, "the internal incident").json();
        assertThat(incident.get("visibility").asText()).isEqualTo("internal");
        assertThat(incident.at("/updates/0/internal").asBoolean()).isTrue();
        assertThat(api.get("/api/public/v1/incidents/" + id).send().status()).isEqualTo(404);
    }

    @Test
    void anUnknownIncidentIsA404ProblemAndABadMinVersionA400NamingIt() {
        var missing = api.get("/api/v1/incidents/no-such-incident").as(ApiClient.RESPONDER).send();
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.json().get("type").asText()).isEqualTo("/problems/incident-not-found");

        var bad = api.get("/api/v1/incidents/no-such-incident?minVersion=-1").as(ApiClient.RESPONDER).send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("field").asText()).isEqualTo("minVersion");
    }

    private ApiClient.Response read(String id) {
        return api.get("/api/v1/incidents/" + id).as(ApiClient.RESPONDER).send();
    }

    private static JsonNode update(JsonNode updates, String id) {
        for (JsonNode update : updates) {
            if (update.get("id").asText().equals(id)) {
                return update;
            }
        }
        throw new AssertionError("no update " + id + " in " + updates);
    }
}
