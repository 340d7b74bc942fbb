package io.incidenttimeline.api.incident;

import static io.incidenttimeline.api.support.ApiClient.ADMIN;
import static io.incidenttimeline.api.support.ApiClient.RESPONDER;
import static io.incidenttimeline.api.support.ApiClient.uniqueId;
import static io.incidenttimeline.api.support.Bodies.declaration;
import static io.incidenttimeline.api.support.Bodies.update;
import static io.incidenttimeline.api.support.Bodies.with;
import static io.incidenttimeline.api.support.Bodies.without;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import javax.sql.DataSource;

/** Each command endpoint through real HTTP, and the events it leaves in the store. */
class IncidentCommandApiTest extends ApiIntegrationTest {

    @Autowired
    DataSource dataSource;

    private String incidentId;
    private String componentId;

    @BeforeEach
    void declareIncident() {
        componentId = uniqueId("checkout");
        assertThat(api.post("/api/v1/components").as(ADMIN)
                .json(Map.of("id", componentId, "name", "Checkout", "group", "Shop")).send().status()).isEqualTo(201);
        incidentId = uniqueId("inc");
        var declared = api.post("/api/v1/incidents").as(RESPONDER)
                .json(with(declaration(incidentId), "components", Map.of(componentId, "degraded_performance"))).send();
        assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
        assertThat(declared.header("Location")).isEqualTo("/api/v1/incidents/" + incidentId);
        assertThat(declared.header("ETag")).isEqualTo("\"1\"");
        assertThat(declared.json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void declaringWithoutAnIdGeneratesOne() {
        var declared = api.post("/api/v1/incidents").as(RESPONDER).json(without(declaration(null), "id")).send();
        assertThat(declared.status()).isEqualTo(201);
        String id = declared.json().get("incidentId").asText();
        assertThat(id).startsWith("inc-");
        assertThat(declared.header("Location")).isEqualTo("/api/v1/incidents/" + id);
        assertThat(types(id)).containsExactly("IncidentDeclared", "UpdatePosted");
    }

    @Test
    void declaringTheSameIdTwiceIsAConflict() {
        var again = api.post("/api/v1/incidents").as(RESPONDER).json(declaration(incidentId)).send();
        assertProblem(again, 409, "incident-already-declared", "id");
        assertThat(types(incidentId)).containsExactly("IncidentDeclared", "UpdatePosted");
    }

    @Test
    void postingAnUpdateReturnsItsIdAndTheNewVersion() {
        var posted = api.post("/api/v1/incidents/" + incidentId + "/updates").as(RESPONDER)
                .json(with(update("identified", "The cause is a faulty deploy."), "nextUpdateInMinutes", 30)).send();
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        String updateId = posted.json().get("updateId").asText();
        assertThat(posted.header("Location")).isEqualTo("/api/v1/incidents/" + incidentId + "/updates/" + updateId);
        assertThat(posted.header("ETag")).isEqualTo("\"2\"");
        JsonNode event = lastEvent(incidentId);
        assertThat(event.get("type").asText()).isEqualTo("UpdatePosted");
        assertThat(event.at("/payload/updateId").asText()).isEqualTo(updateId);
        Instant occurred = Instant.parse(event.at("/payload/occurredAt").asText());
        assertThat(Instant.parse(event.at("/payload/nextUpdateDueAt").asText())).isEqualTo(occurred.plus(30, ChronoUnit.MINUTES));
    }

    @Test
    void resolvingAndThenPostingAnInvestigatingUpdateReopensTheIncident() {
        post("/updates", update("resolved", "Fixed."), 201);
        post("/updates", update("investigating", "It is back."), 201);
        assertThat(types(incidentId)).containsExactly("IncidentDeclared", "UpdatePosted", "UpdatePosted",
                "IncidentResolved", "IncidentReopened", "UpdatePosted");
    }

    @Test
    void anUpdateCanBeAmendedWithAReasonAndTheSameTextAgainChangesNothing() {
        String updateId = post("/updates", update("identified", "Teh cause is known."), 201).json().get("updateId").asText();
        var amendment = Map.of("message", "The cause is known.", "reason", "typo");
        var amended = post("/updates/" + updateId + "/amendments", amendment, 200);
        assertThat(amended.json().get("version").asLong()).isEqualTo(3);
        var again = post("/updates/" + updateId + "/amendments", amendment, 200);
        assertThat(again.json().get("version").asLong()).isEqualTo(3);
        assertThat(lastEvent(incidentId).at("/payload/message").asText()).isEqualTo("The cause is known.");
        assertProblem(post("/updates/" + updateId + "/amendments", Map.of("message", "x"), 400), 400, "text-required", "reason");
    }

    @Test
    void aRetractedUpdateCanNeitherBeRetractedNorAmendedAgain() {
        String updateId = post("/updates", update("identified", "Wrong incident."), 201).json().get("updateId").asText();
        post("/updates/" + updateId + "/retraction", Map.of("reason", "posted on the wrong incident"), 200);
        assertProblem(post("/updates/" + updateId + "/retraction", Map.of("reason", "again"), 409), 409, "update-retracted", "updateId");
        assertProblem(post("/updates/" + updateId + "/amendments", Map.of("message", "m", "reason", "r"), 409),
                409, "update-retracted", "updateId");
        assertProblem(post("/updates/upd-unknown/amendments", Map.of("message", "m", "reason", "r"), 404),
                404, "update-not-found", "updateId");
    }

    @Test
    void theImpactWindowIsRecordedAndEveryCorrectionKept() {
        put("/impact-window", Map.of("startedAt", "2024-07-05T10:54:00Z"), 200);
        put("/impact-window", Map.of("startedAt", "2024-07-05T10:54:00Z", "endedAt", "2024-07-05T13:36:00Z",
                "reason", "end known from logs"), 200);
        put("/impact-window", Map.of("startedAt", "2024-07-05T10:54:00Z", "endedAt", "2024-07-05T13:36:00Z"), 200);
        assertThat(types(incidentId)).filteredOn("ImpactWindowRecorded"::equals).hasSize(2);
        assertProblem(put("/impact-window", Map.of("startedAt", "2024-07-05T13:00:00Z", "endedAt", "2024-07-05T12:00:00Z"), 400),
                400, "impact-window-inverted", "endedAt");
        assertProblem(put("/impact-window", Map.of("startedAt", "yesterday"), 400), 400, "invalid-field", "startedAt");
    }

    @Test
    void theImpactAndItsComponentsCanBeChanged() {
        put("/impact", Map.of("impact", "major", "components", Map.of(componentId, "major_outage")), 200);
        JsonNode event = lastEvent(incidentId);
        assertThat(event.get("type").asText()).isEqualTo("ImpactChanged");
        assertThat(event.at("/payload/components/" + componentId).asText()).isEqualTo("major_outage");
        assertProblem(put("/impact", Map.of("impact", "major", "components", Map.of("no-such-component", "major_outage")), 400),
                400, "unknown-component", "components");
    }

    @Test
    void aPostMortemNeedsResolutionIsRevisedAndItsItemsCompleted() {
        var postMortem = Map.of("summary", "s", "rootCause", "r", "resolution", "x",
                "remediation", List.of(Map.of("title", "Add an alert", "owner", "sre", "dueDate", "2024-08-01")));
        assertProblem(put("/postmortem", postMortem, 409), 409, "post-mortem-before-resolution", "status");
        post("/updates", update("resolved", "Fixed."), 201);
        put("/postmortem", postMortem, 200);
        put("/postmortem", postMortem, 200);
        put("/postmortem", with(postMortem, "summary", "better summary"), 200);
        List<JsonNode> published = events(incidentId).stream()
                .filter(e -> e.get("type").asText().equals("PostMortemPublished")).toList();
        assertThat(published).extracting(e -> e.at("/payload/revision").asInt()).containsExactly(1, 2);
        String itemId = published.get(1).at("/payload/remediation/0/id").asText();
        assertThat(itemId).isEqualTo("item-1");
        post("/postmortem/remediation/" + itemId + "/completion", null, 200);
        post("/postmortem/remediation/" + itemId + "/completion", null, 200);
        assertThat(types(incidentId)).filteredOn("RemediationItemCompleted"::equals).hasSize(1);
        assertProblem(post("/postmortem/remediation/item-99/completion", null, 404), 404, "remediation-item-not-found", "itemId");
    }

    @Test
    void aTranslationNamesAnotherLocaleAndExistingTexts() {
        String updateId = events(incidentId).get(1).at("/payload/updateId").asText();
        post("/translations", Map.of("locale", "de", "machineTranslated", true, "engine", "mt-1",
                "title", "Bezahlvorgang schlägt fehl", "updates", Map.of(updateId, "Wir untersuchen das.")), 200);
        assertThat(lastEvent(incidentId).at("/payload/locale").asText()).isEqualTo("de");
        assertProblem(post("/translations", Map.of("locale", "en", "machineTranslated", false, "title", "t"), 400),
                400, "translation-of-authoritative-locale", "locale");
        assertProblem(post("/translations", Map.of("locale", "not a tag", "machineTranslated", false, "title", "t"), 400),
                400, "invalid-locale", "locale");
        assertProblem(post("/translations", Map.of("locale", "fr", "machineTranslated", false,
                "postMortem", Map.of("summary", "résumé")), 409), 409, "post-mortem-not-published", "postMortem");
    }

    @Test
    void aStaleIfMatchIsRefusedAndWritesNothing() {
        var stale = api.post("/api/v1/incidents/" + incidentId + "/updates").as(RESPONDER).header("If-Match", "\"0\"")
                .json(update("identified", "late")).send();
        assertProblem(stale, 412, "version-mismatch", "If-Match");
        var current = api.post("/api/v1/incidents/" + incidentId + "/updates").as(RESPONDER).header("If-Match", "\"1\"")
                .json(update("identified", "on time")).send();
        assertThat(current.status()).isEqualTo(201);
        assertThat(current.header("ETag")).isEqualTo("\"2\"");
        assertThat(types(incidentId)).hasSize(3);
        assertProblem(api.post("/api/v1/incidents/" + incidentId + "/updates").as(RESPONDER).header("If-Match", "yesterday")
                .json(update("identified", "x")).send(), 400, "invalid-if-match", "If-Match");
    }

    @Test
    void ifMatchComparesStronglyAndMatchesAnyETagOfAList() {
        String path = "/api/v1/incidents/" + incidentId + "/updates";
        assertProblem(api.post(path).as(RESPONDER).header("If-Match", "W/\"1\"").json(update("identified", "weak")).send(),
                412, "version-mismatch", "If-Match");
        assertProblem(api.post(path).as(RESPONDER).header("If-Match", "\"7\", \"8\"").json(update("identified", "ahead")).send(),
                412, "version-mismatch", "If-Match");
        var listed = api.post(path).as(RESPONDER).header("If-Match", "\"0\", W/\"2\", \"1\"")
                .json(update("identified", "listed")).send();
        assertThat(listed.status()).as(listed.toString()).isEqualTo(201);
        assertThat(listed.header("ETag")).isEqualTo("\"2\"");
        var any = api.post(path).as(RESPONDER).header("If-Match", "*").json(update("identified", "any")).send();
        assertThat(any.status()).as(any.toString()).isEqualTo(201);
        assertProblem(api.post(path).as(RESPONDER).header("If-Match", "").json(update("identified", "empty")).send(),
                400, "invalid-if-match", "If-Match");
        assertThat(types(incidentId)).hasSize(4);
    }

    @Test
    void ifMatchWithoutACurrentRepresentationIsAPreconditionFailure() {
        String declared = uniqueId("i");
        assertProblem(api.post("/api/v1/incidents").as(RESPONDER).header("If-Match", "*").json(declaration(declared)).send(),
                412, "version-mismatch", "If-Match");
        assertProblem(api.post("/api/v1/incidents").as(RESPONDER).header("If-Match", "\"1\"").json(declaration(declared)).send(),
                412, "version-mismatch", "If-Match");
        assertThat(api.get("/api/v1/incidents/" + declared + "/events").as(RESPONDER).send().status()).isEqualTo(404);
        assertProblem(api.post("/api/v1/incidents/" + uniqueId("nowhere") + "/updates").as(RESPONDER).header("If-Match", "*")
                .json(update("identified", "m")).send(), 412, "version-mismatch", "If-Match");
    }

    @Test
    void aRetriedRequestGetsItsFirstAnswerThoughItsIfMatchIsNowStale() {
        String key = uniqueId("key");
        var first = api.post("/api/v1/incidents/" + incidentId + "/updates").as(RESPONDER).header("If-Match", "\"1\"")
                .header("Idempotency-Key", key).json(update("identified", "once")).send();
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        var retried = api.post("/api/v1/incidents/" + incidentId + "/updates").as(RESPONDER).header("If-Match", "\"1\"")
                .header("Idempotency-Key", key).json(update("identified", "once")).send();
        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(types(incidentId)).hasSize(3);
    }

    @Test
    void idsThatDifferOnlyInCaseOrATrailingSeparatorAreRefusedWithTheRule() {
        for (String lookalike : List.of(incidentId.toUpperCase(), incidentId + ".", "RT-X", "x.", "x-")) {
            var refused = api.post("/api/v1/incidents").as(RESPONDER).json(declaration(lookalike)).send();
            assertProblem(refused, 400, "invalid-id", "id");
            assertThat(refused.json().get("detail").asText()).contains("lower-case", "starting and ending with a letter or digit");
        }
    }

    @Test
    void timesBefore2000AreRefusedWithTheBound() {
        var beyondRfc3339 = api.post("/api/v1/incidents").as(RESPONDER)
                .json(with(declaration(uniqueId("i")), "occurredAt", "-999999999-01-01T00:00:00Z")).send();
        assertProblem(beyondRfc3339, 400, "invalid-field", "occurredAt");
        assertThat(beyondRfc3339.json().get("detail").asText()).contains("is not a valid ISO-8601 timestamp");
        assertProblem(put("/impact-window", Map.of("startedAt", "-999999999-01-01T00:00:00Z"), 400), 400,
                "invalid-field", "startedAt");
        for (String longAgo : List.of("0001-01-01T00:00:00Z", "1999-12-31T23:59:59Z")) {
            var declared = api.post("/api/v1/incidents").as(RESPONDER)
                    .json(with(declaration(uniqueId("i")), "occurredAt", longAgo)).send();
            assertProblem(declared, 400, "time-out-of-range", "occurredAt");
            assertThat(declared.json().get("detail").asText()).contains("2000-01-01T00:00:00Z");
            assertProblem(put("/impact-window", Map.of("startedAt", longAgo), 400), 400, "time-out-of-range", "startedAt");
        }
        assertThat(types(incidentId)).doesNotContain("ImpactWindowRecorded");
    }

    @Test
    void anImpactChangeWithoutComponentsIsRefusedAndAnEmptySetClearsThem() {
        assertProblem(put("/impact", Map.of("impact", "major"), 400), 400, "value-required", "components");
        assertThat(types(incidentId)).doesNotContain("ImpactChanged");
        put("/impact", Map.of("impact", "major", "components", Map.of()), 200);
        assertThat(lastEvent(incidentId).at("/payload/components").size()).isZero();
    }

    @Test
    void aTranslationOfAnInternalUpdateIsRefused() {
        String internal = post("/updates", with(update("identified", "Root cause: bucket rename"), "visibility", "internal"),
                201).json().get("updateId").asText();
        var refused = post("/translations", Map.of("locale", "de", "machineTranslated", false,
                "updates", Map.of(internal, "Ursache: Umbenennung")), 409);
        assertProblem(refused, 409, "translation-of-internal-update", "updates." + internal);
        assertThat(types(incidentId)).doesNotContain("TranslationAdded");
    }

    @Test
    void aNullInsideABodyIsRefusedNamingItsPath() {
        List<Object> regions = new ArrayList<>();
        regions.add("eu-1");
        regions.add(null);
        assertProblem(api.post("/api/v1/incidents").as(RESPONDER).json(with(declaration(uniqueId("i")), "regions", regions))
                .send(), 400, "value-required", "regions[1]");
        Map<String, Object> components = new java.util.HashMap<>();
        components.put(componentId, null);
        assertProblem(put("/impact", Map.of("impact", "major", "components", components), 400),
                400, "value-required", "components." + componentId);
        assertProblem(api.post("/api/v1/incidents").as(RESPONDER).json(with(declaration(uniqueId("i")), "occurredAt", null))
                .send(), 400, "value-required", "occurredAt");
        Map<String, Object> item = new java.util.HashMap<>();
        item.put("title", "Add tests");
        item.put("owner", null);
        post("/updates", update("resolved", "Fixed."), 201);
        assertProblem(put("/postmortem", Map.of("summary", "s", "rootCause", "r", "resolution", "r",
                "remediation", List.of(item)), 400), 400, "value-required", "remediation[0].owner");
        assertThat(types(incidentId)).doesNotContain("PostMortemPublished");
    }

    @Test
    void backfilledTimesMayNotLieInTheFutureNorBeforeTheIncident() {
        String future = Instant.now().plus(5, ChronoUnit.MINUTES).toString();
        assertProblem(post("/updates", with(update("identified", "m"), "occurredAt", future), 400), 400, "time-in-future", "occurredAt");
        assertProblem(post("/updates", with(update("identified", "m"), "occurredAt", "2000-01-01T00:00:00Z"), 400),
                400, "occurred-before-incident", "occurredAt");
        assertProblem(post("/updates", with(update("identified", "m"), "nextUpdateInMinutes", 1441), 400),
                400, "next-update-out-of-range", "nextUpdateInMinutes");
    }

    @Test
    void invalidBodiesAreRefusedWithTheOffendingField() {
        assertProblem(api.post("/api/v1/incidents").as(RESPONDER).json(with(declaration(uniqueId("i")), "titel", "x")).send(),
                400, "unknown-field", "titel");
        assertProblem(api.post("/api/v1/incidents").as(RESPONDER).json(with(declaration(uniqueId("i")), "impact", "huge")).send(),
                400, "invalid-field", "impact");
        assertProblem(api.post("/api/v1/incidents").as(RESPONDER).json(with(declaration(uniqueId("i")), "title", "x".repeat(201))).send(),
                400, "text-too-long", "title");
        assertProblem(api.post("/api/v1/incidents").as(RESPONDER).json(with(declaration(uniqueId("i")), "title", "")).send(),
                400, "text-required", "title");
        assertProblem(api.post("/api/v1/incidents").as(RESPONDER).json(with(declaration(uniqueId("i")), "message", "m".repeat(10_001))).send(),
                400, "text-too-long", "message");
        assertProblem(api.post("/api/v1/incidents").as(RESPONDER).json(with(declaration(uniqueId("i")), "visibility", null)).send(),
                400, "value-required", "visibility");
        assertProblem(api.post("/api/v1/incidents").as(RESPONDER).json(with(declaration(uniqueId("i")), "components", List.of("x"))).send(),
                400, "invalid-field", "components");
        assertProblem(api.post("/api/v1/incidents").as(RESPONDER).json(with(declaration("../etc/passwd"), "title", "t")).send(),
                400, "invalid-id", "id");
        assertProblem(api.post("/api/v1/incidents").as(RESPONDER).rawJson("{\"title\": ").send(), 400, "malformed-body", "body");
        assertProblem(api.post("/api/v1/incidents").as(RESPONDER).rawJson("").send(), 400, "malformed-body", "body");
        assertProblem(api.post("/api/v1/incidents").as(RESPONDER)
                .body("text/plain", java.net.http.HttpRequest.BodyPublishers.ofString("hello")).send(), 415, "unsupported-media-type", null);
    }

    @Test
    void bodiesOverOneMebibyteAreRefusedWhetherDeclaredOrStreamed() {
        String huge = "{\"title\": \"" + "x".repeat(1024 * 1024) + "\"}";
        var declared = api.post("/api/v1/incidents").as(RESPONDER).rawJson(huge).send();
        assertProblem(declared, 413, "payload-too-large", null);
        var chunked = api.post("/api/v1/incidents").as(RESPONDER).body("application/json",
                java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(huge.getBytes(java.nio.charset.StandardCharsets.UTF_8)))).send();
        assertProblem(chunked, 413, "payload-too-large", null);
    }

    @Test
    void unknownIncidentsAreNotFound() {
        assertProblem(api.post("/api/v1/incidents/no-such-incident/updates").as(RESPONDER).json(update("identified", "m")).send(),
                404, "not-found", "id");
        assertProblem(api.get("/api/v1/incidents/no-such-incident/events").as(RESPONDER).send(), 404, "not-found", "id");
    }

    @Test
    void theEventStreamSurvivesSnapshotsAndStartsAtTheFirstEvent() {
        for (int i = 0; i < 12; i++) {
            post("/updates", update("monitoring", "Still watching, round " + i), 201);
        }
        List<JsonNode> events = events(incidentId);
        assertThat(events).hasSize(14);
        assertThat(events.get(0).get("type").asText()).isEqualTo("IncidentDeclared");
        List<String> snapshots = new JdbcTemplate(dataSource).queryForList(
                "SELECT payloadType FROM SnapshotEventEntry WHERE aggregateIdentifier = ?", String.class, incidentId);
        assertThat(snapshots).as("snapshot threshold is 5 in the test configuration")
                .containsExactly("io.incidenttimeline.core.incident.Incident");
        var more = post("/updates", update("resolved", "Done."), 201);
        assertThat(more.json().get("version").asLong()).isEqualTo(15);
        assertThat(lastEvent(incidentId).get("type").asText()).isEqualTo("IncidentResolved");
    }

    private ApiClient.Response post(String subPath, Object body, int expectedStatus) {
        var call = api.post("/api/v1/incidents/" + incidentId + subPath).as(RESPONDER);
        var response = (body == null ? call : call.json(body)).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(expectedStatus);
        return response;
    }

    private ApiClient.Response put(String subPath, Object body, int expectedStatus) {
        var response = api.put("/api/v1/incidents/" + incidentId + subPath).as(RESPONDER).json(body).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(expectedStatus);
        return response;
    }

    private List<JsonNode> events(String id) {
        var response = api.get("/api/v1/incidents/" + id + "/events").as(RESPONDER).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        response.json().get("events").forEach(events::add);
        return events;
    }

    private List<String> types(String id) {
        return events(id).stream().map(e -> e.get("type").asText()).toList();
    }

    private JsonNode lastEvent(String id) {
        List<JsonNode> events = events(id);
        return events.get(events.size() - 1);
    }

    static void assertProblem(ApiClient.Response response, int status, String type, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asText()).isEqualTo("/problems/" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(problem.get("field").asText()).isEqualTo(field);
        }
    }
}
