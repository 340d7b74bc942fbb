package io.incidenttimeline.api.maintenance;

import static io.incidenttimeline.api.support.ApiClient.AUDITOR;
import static io.incidenttimeline.api.support.ApiClient.RESPONDER;
import static io.incidenttimeline.api.support.ApiClient.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import io.incidenttimeline.core.maintenance.MaintenanceIds;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Scheduled maintenance through real HTTP: the commands with their refusals, and what the Statuspage documents, the
 * public maintenance and the audit trail say at each step. Windows lie a day ahead, out of the automatic transitions'
 * way.
 */
class MaintenanceApiTest extends ApiIntegrationTest {

    static final List<String> MAINTENANCE_KEYS = List.of("id", "name", "status", "created_at", "updated_at",
            "monitoring_at", "resolved_at", "impact", "shortlink", "started_at", "page_id", "incident_updates",
            "components", "scheduled_for", "scheduled_until");
    static final List<String> UPDATE_KEYS = List.of("id", "status", "body", "incident_id", "created_at",
            "updated_at", "display_at", "affected_components", "deliver_notifications", "custom_tweet", "tweet_id");
    private static final String UPCOMING = "/api/v2/scheduled-maintenances/upcoming.json";
    private static final String ACTIVE = "/api/v2/scheduled-maintenances/active.json";
    private static final String ALL = "/api/v2/scheduled-maintenances.json";

    @Autowired
    EventStore eventStore;

    private String componentId;
    private String otherComponentId;
    private Instant windowStart;

    @BeforeEach
    void defineComponents() {
        componentId = uniqueId("mnt-db");
        otherComponentId = uniqueId("mnt-api");
        Incidents.defineComponent(api, componentId, "Database " + componentId, "Maintained", 30);
        Incidents.defineComponent(api, otherComponentId, "API " + otherComponentId, "Maintained", 31);
        windowStart = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    }

    Map<String, Object> schedule(String id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("title", "Database upgrade");
        body.put("message", "We upgrade the database; writes pause for a few minutes.");
        body.put("components", List.of(componentId));
        body.put("scheduledFor", windowStart.toString());
        body.put("scheduledUntil", windowStart.plus(Duration.ofHours(2)).toString());
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    ApiClient.Response send(String path, Object body) {
        ApiClient.Call call = api.post(path).as(RESPONDER);
        return body == null ? call.send() : call.json(body).send();
    }

    @Test
    void aMaintenanceIsAnnouncedStartedUpdatedAndCompletedAndThePageFollowsEachStep() {
        String id = uniqueId("mnt");
        var scheduled = send("/api/v1/maintenances", schedule(id));
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
        assertThat(scheduled.header("Location")).isEqualTo("/api/v1/maintenances/" + id);
        assertThat(scheduled.header("ETag")).isEqualTo("\"0\"");
        assertThat(scheduled.json().get("maintenanceId").asText()).isEqualTo(id);
        String firstUpdate = scheduled.json().get("updateId").asText();
        assertThat(firstUpdate).startsWith("upd-");

        JsonNode upcoming = listed(UPCOMING, id, m -> true);
        assertThat(names(upcoming)).containsExactlyElementsOf(MAINTENANCE_KEYS);
        assertThat(upcoming.get("name").asText()).isEqualTo("Database upgrade");
        assertThat(upcoming.get("status").asText()).isEqualTo("scheduled");
        assertThat(upcoming.get("impact").asText()).isEqualTo("maintenance");
        assertThat(upcoming.get("scheduled_for").asText()).isEqualTo(windowStart.toString().replace("Z", ".000Z"));
        assertThat(upcoming.get("started_at").isNull()).isTrue();
        assertThat(upcoming.get("resolved_at").isNull()).isTrue();
        assertThat(upcoming.get("shortlink").asText()).endsWith("/api/public/v1/maintenances/" + id);
        assertThat(ids(upcoming.get("components"))).containsExactly(componentId);
        JsonNode announcement = upcoming.get("incident_updates").get(0);
        assertThat(names(announcement)).containsExactlyElementsOf(UPDATE_KEYS);
        assertThat(announcement.get("id").asText()).isEqualTo(firstUpdate);
        assertThat(announcement.get("status").asText()).isEqualTo("scheduled");
        assertThat(announcement.get("incident_id").asText()).isEqualTo(id);
        assertThat(ids(json(ACTIVE).get("scheduled_maintenances"))).doesNotContain(id);
        assertThat(ids(json(ALL).get("scheduled_maintenances"))).contains(id);
        JsonNode summary = json("/api/v2/summary.json");
        assertThat(ids(summary.get("scheduled_maintenances"))).contains(id);
        assertThat(componentStatus(summary, componentId)).isEqualTo("operational");

        var started = send("/api/v1/maintenances/" + id + "/start", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        assertThat(started.header("ETag")).isEqualTo("\"1\"");
        assertThat(started.json().get("status").asText()).isEqualTo("in_progress");
        assertThat(started.json().get("version").asLong()).isEqualTo(1);

        JsonNode active = listed(ACTIVE, id, m -> true);
        assertThat(active.get("status").asText()).isEqualTo("in_progress");
        assertThat(active.get("started_at").isNull()).isFalse();
        assertThat(active.get("incident_updates").get(0).get("status").asText()).isEqualTo("in_progress");
        assertThat(active.get("incident_updates").get(0).get("body").asText())
                .isEqualTo("Scheduled maintenance is currently in progress. We will provide updates as necessary.");
        assertThat(ids(json(UPCOMING).get("scheduled_maintenances"))).doesNotContain(id);
        JsonNode components = json("/api/v2/components.json");
        assertThat(componentStatus(components, componentId)).isEqualTo("under_maintenance");
        assertThat(componentStatus(components, otherComponentId)).isEqualTo("operational");
        summary = json("/api/v2/summary.json");
        assertThat(componentStatus(summary, componentId)).isEqualTo("under_maintenance");
        assertThat(find(summary.get("scheduled_maintenances"), id).get("status").asText()).isEqualTo("in_progress");
        assertThat(summary.at("/status/indicator").asText()).as("an in-progress maintenance raises the page")
                .isNotEqualTo("none");
        JsonNode pub = api.get("/api/public/v1/maintenances/" + id + "?tz=America/Los_Angeles").send().json();
        assertThat(pub.get("status").asText()).isEqualTo("in_progress");
        assertThat(pub.at("/components/0/status").asText()).isEqualTo("under_maintenance");
        assertThat(pub.at("/scheduledFor/utc").asText()).isEqualTo(windowStart.toString());
        assertThat(pub.at("/scheduledFor/zone").asText()).isIn("PDT", "PST");

        var updated = send("/api/v1/maintenances/" + id + "/updates", Map.of("message", "Halfway there."));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(201);
        String updateId = updated.json().get("updateId").asText();
        assertThat(updated.header("Location")).isEqualTo("/api/v1/maintenances/" + id + "/updates/" + updateId);
        assertThat(updated.header("ETag")).isEqualTo("\"2\"");
        JsonNode withUpdate = listed(ACTIVE, id, m -> m.get("incident_updates").size() == 3);
        assertThat(withUpdate.at("/incident_updates/0/body").asText()).isEqualTo("Halfway there.");
        assertThat(withUpdate.at("/incident_updates/0/status").asText()).isEqualTo("in_progress");

        var startedAgain = send("/api/v1/maintenances/" + id + "/start", Map.of("message", "Again."));
        assertThat(startedAgain.status()).as("starting a started maintenance changes nothing").isEqualTo(200);
        assertThat(startedAgain.json().get("version").asLong()).isEqualTo(2);

        var completed = send("/api/v1/maintenances/" + id + "/complete", Map.of("message", "Upgrade done."));
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        assertThat(completed.json().get("status").asText()).isEqualTo("completed");
        assertThat(completed.header("ETag")).isEqualTo("\"3\"");

        JsonNode done = listed(ALL, id, m -> m.get("status").asText().equals("completed"));
        assertThat(done.get("resolved_at").isNull()).isFalse();
        assertThat(done.at("/incident_updates/0/body").asText()).isEqualTo("Upgrade done.");
        assertThat(ids(done.get("incident_updates"))).hasSize(4);
        Eventually.until(() -> componentStatus(json("/api/v2/components.json"), componentId),
                "operational"::equals, "the component operational again");
        assertThat(ids(json(ACTIVE).get("scheduled_maintenances"))).doesNotContain(id);
        assertThat(ids(json("/api/v2/summary.json").get("scheduled_maintenances"))).doesNotContain(id);

        assertProblem(send("/api/v1/maintenances/" + id + "/start", null), 409, "maintenance-ended", "status");
        assertProblem(send("/api/v1/maintenances/" + id + "/updates", Map.of("message", "Late.")), 409,
                "maintenance-ended", "status");
        assertProblem(send("/api/v1/maintenances/" + id + "/cancel", null), 409, "maintenance-ended", "status");
        assertThat(send("/api/v1/maintenances/" + id + "/complete", null).json().get("version").asLong())
                .as("completing a completed maintenance changes nothing").isEqualTo(3);
        assertThat(types(id)).containsExactly("MaintenanceScheduled", "MaintenanceStarted", "MaintenanceUpdatePosted",
                "MaintenanceCompleted");
    }

    @Test
    void theAuditTrailRecordsMaintenanceEventsAndTimeTravelShowsTheMaintenanceAsItWas() {
        String id = uniqueId("mnt-audit");
        assertThat(send("/api/v1/maintenances", schedule(id)).status()).isEqualTo(201);
        assertThat(send("/api/v1/maintenances/" + id + "/start", null).status()).isEqualTo(200);
        assertThat(send("/api/v1/maintenances/" + id + "/complete", null).status()).isEqualTo(200);

        JsonNode startedEntry = Eventually.until(() -> auditEntry("MaintenanceStarted", id), e -> e != null,
                "the start in the audit trail");
        assertThat(startedEntry.get("actor").asText()).isEqualTo("test-responder");
        assertThat(startedEntry.get("channel").asText()).isEqualTo("api");
        assertThat(startedEntry.get("incidentId").isNull()).isTrue();
        assertThat(startedEntry.at("/payload/maintenanceId").asText()).isEqualTo(id);
        assertThat(Eventually.until(() -> auditEntry("MaintenanceCompleted", id), e -> e != null, "the completion"))
                .isNotNull();

        String asOf = startedEntry.get("recordedAt").asText();
        JsonNode then = api.get("/api/v1/audit/summary?asOf=" + asOf).as(AUDITOR).send().json();
        assertThat(find(then.get("scheduled_maintenances"), id).get("status").asText()).isEqualTo("in_progress");
        assertThat(componentStatus(then, componentId)).isEqualTo("under_maintenance");
        String before = Instant.parse(asOf).minusMillis(1).toString();
        JsonNode earlier = api.get("/api/v1/audit/summary?asOf=" + before).as(AUDITOR).send().json();
        assertThat(find(earlier.get("scheduled_maintenances"), id).get("status").asText()).isEqualTo("scheduled");
        assertThat(componentStatus(earlier, componentId)).isEqualTo("operational");
    }

    @Test
    void aCancelledMaintenanceLeavesTheUpcomingListAndIsShownCompletedWithItsCancellation() {
        String id = uniqueId("mnt-cancel");
        assertThat(send("/api/v1/maintenances", schedule(id)).status()).isEqualTo(201);
        listed(UPCOMING, id, m -> true);

        var cancelled = send("/api/v1/maintenances/" + id + "/cancel", Map.of("message", "Postponed to next week."));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asText()).isEqualTo("cancelled");

        JsonNode shown = listed(ALL, id, m -> m.get("status").asText().equals("completed"));
        assertThat(shown.at("/incident_updates/0/body").asText()).isEqualTo("Postponed to next week.");
        assertThat(shown.get("started_at").isNull()).isTrue();
        assertThat(shown.get("resolved_at").isNull()).isFalse();
        assertThat(ids(json(UPCOMING).get("scheduled_maintenances"))).doesNotContain(id);
        JsonNode pub = api.get("/api/public/v1/maintenances/" + id).send().json();
        assertThat(pub.get("status").asText()).isEqualTo("cancelled");
        assertThat(pub.at("/updates/0/status").asText()).isEqualTo("cancelled");
        assertThat(pub.get("timeZone").asText()).isEqualTo("UTC");

        assertThat(send("/api/v1/maintenances/" + id + "/cancel", null).json().get("version").asLong())
                .as("cancelling a cancelled maintenance changes nothing").isEqualTo(1);
        assertProblem(send("/api/v1/maintenances/" + id + "/start", null), 409, "maintenance-ended", "status");
        assertProblem(send("/api/v1/maintenances/" + id + "/complete", null), 409, "maintenance-ended", "status");
        assertThat(types(id)).containsExactly("MaintenanceScheduled", "MaintenanceCancelled");
    }

    @Test
    void everyRefusalIsAProblemNamingTheFieldAndWritesNothing() {
        String refused = uniqueId("mnt-refused");
        Map<String, Object> body = schedule(refused);
        String past = Instant.now().minus(Duration.ofHours(1)).toString();
        assertProblem(send("/api/v1/maintenances", with(body, "components", List.of(componentId, "no-such-component"))),
                400, "unknown-component", "components[1]");
        assertProblem(send("/api/v1/maintenances", with(body, "scheduledUntil", windowStart.minusSeconds(60).toString())),
                400, "maintenance-window-inverted", "scheduledUntil");
        assertProblem(send("/api/v1/maintenances", with(body, "scheduledFor", past)), 400,
                "maintenance-window-in-past", "scheduledFor");
        assertProblem(send("/api/v1/maintenances", with(body, "scheduledUntil",
                windowStart.plus(Duration.ofDays(32)).toString())), 400, "maintenance-window-out-of-range", "scheduledUntil");
        assertProblem(send("/api/v1/maintenances", with(body, "title", " ")), 400, "text-required", "title");
        assertProblem(send("/api/v1/maintenances", with(body, "scheduledFor", null)), 400, "value-required",
                "scheduledFor");
        assertProblem(send("/api/v1/maintenances", with(body, "scheduledFor", "tomorrow")), 400, "invalid-field",
                "scheduledFor");
        assertProblem(send("/api/v1/maintenances", with(body, "impact", "major")), 400, "unknown-field", "impact");
        assertProblem(send("/api/v1/maintenances", with(body, "id", "not an id")), 400, "invalid-id", "id");
        assertThat(types(refused)).isEmpty();
        assertThat(api.get("/api/public/v1/maintenances/" + refused).send().status()).isEqualTo(404);

        String id = uniqueId("mnt-scheduled");
        assertThat(send("/api/v1/maintenances", schedule(id)).status()).isEqualTo(201);
        assertProblem(send("/api/v1/maintenances", with(schedule(id), "title", "Again")), 409,
                "maintenance-already-scheduled", "id");

        assertProblem(send("/api/v1/maintenances/" + id + "/complete", null), 409, "maintenance-not-started", "status");
        assertProblem(send("/api/v1/maintenances/" + id + "/updates", Map.of("message", "")), 400, "text-required",
                "message");
        assertProblem(send("/api/v1/maintenances/" + id + "/start", Map.of("message", "x".repeat(10_001))), 400,
                "text-too-long", "message");
        assertThat(send("/api/v1/maintenances/" + id + "/start", null).status()).isEqualTo(200);
        assertProblem(send("/api/v1/maintenances/" + id + "/cancel", null), 409, "maintenance-already-started", "status");
        assertProblem(send("/api/v1/maintenances/no-such-maintenance/start", null), 404, "not-found", "id");
        assertProblem(send("/api/v1/maintenances/no-such-maintenance/updates", Map.of("message", "m")), 404,
                "not-found", "id");
        var unknown = api.get("/api/public/v1/maintenances/no-such-maintenance").send();
        assertProblem(unknown, 404, "maintenance-not-found", "id");
        assertProblem(api.get("/api/public/v1/maintenances/" + id + "?tz=Mars/Olympus").send(), 400,
                "invalid-time-zone", "tz");
        assertThat(types(id)).containsExactly("MaintenanceScheduled", "MaintenanceStarted");
        assertThat(send("/api/v1/maintenances/" + id + "/complete", null).status()).isEqualTo(200);
    }

    @Test
    void ifMatchGuardsAgainstAStaleVersionAndAnIdempotencyKeyReplaysTheFirstAnswer() {
        String id = uniqueId("mnt-guard");
        String key = uniqueId("key");
        var first = api.post("/api/v1/maintenances").as(RESPONDER).header("Idempotency-Key", key).json(schedule(id)).send();
        var retry = api.post("/api/v1/maintenances").as(RESPONDER).header("Idempotency-Key", key).json(schedule(id)).send();
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        var reused = api.post("/api/v1/maintenances").as(RESPONDER).header("Idempotency-Key", key)
                .json(with(schedule(id), "title", "Another title")).send();
        assertProblem(reused, 422, "idempotency-key-reused", "Idempotency-Key");

        assertThat(send("/api/v1/maintenances/" + id + "/updates", Map.of("message", "Reminder.")).status()).isEqualTo(201);
        var stale = api.post("/api/v1/maintenances/" + id + "/start").as(RESPONDER).header("If-Match", "\"0\"").send();
        assertProblem(stale, 412, "version-mismatch", "If-Match");
        var current = api.post("/api/v1/maintenances/" + id + "/start").as(RESPONDER).header("If-Match", "\"1\"").send();
        assertThat(current.status()).as(current.toString()).isEqualTo(200);
        assertThat(types(id)).containsExactly("MaintenanceScheduled", "MaintenanceUpdatePosted", "MaintenanceStarted");
        assertThat(send("/api/v1/maintenances/" + id + "/complete", null).status()).isEqualTo(200);
    }

    @Test
    void startsSentAtTheSameMomentAllSucceedAndStartTheMaintenanceOnce() throws Exception {
        String id = uniqueId("mnt-race");
        assertThat(send("/api/v1/maintenances", with(schedule(id), "autoStart", false)).status()).isEqualTo(201);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<ApiClient.Response>> starts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                starts.add(() -> send("/api/v1/maintenances/" + id + "/start", null));
            }
            for (Future<ApiClient.Response> started : pool.invokeAll(starts)) {
                assertThat(started.get().status()).as(started.get().toString()).isEqualTo(200);
                assertThat(started.get().json().get("version").asLong()).isEqualTo(1);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(types(id)).containsExactly("MaintenanceScheduled", "MaintenanceStarted");
        assertThat(send("/api/v1/maintenances/" + id + "/complete", null).status()).isEqualTo(200);
    }

    /** The event types of a maintenance's stream, read from the event store itself. */
    List<String> types(String maintenanceId) {
        return eventStore.readEvents(MaintenanceIds.aggregateId(maintenanceId), 0L).asStream()
                .map(DomainEventMessage::getPayloadType).map(Class::getSimpleName).toList();
    }

    private JsonNode auditEntry(String type, String maintenanceId) {
        JsonNode events = api.get("/api/v1/audit/events?limit=500&type=" + type).as(AUDITOR).send().json().get("events");
        for (JsonNode event : events) {
            if (event.get("aggregateId").asText().equals(MaintenanceIds.aggregateId(maintenanceId))) {
                return event;
            }
        }
        return null;
    }

    /** Waits until {@code path} lists the maintenance as {@code expected} describes, and returns its object. */
    JsonNode listed(String path, String id, Predicate<JsonNode> expected) {
        return Eventually.until(() -> {
            JsonNode list = json(path).get("scheduled_maintenances");
            for (JsonNode maintenance : list) {
                if (maintenance.get("id").asText().equals(id)) {
                    return maintenance;
                }
            }
            return null;
        }, m -> m != null && expected.test(m), id + " in " + path);
    }

    JsonNode json(String path) {
        var response = api.get(path).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    static String componentStatus(JsonNode document, String componentId) {
        return find(document.get("components"), componentId).get("status").asText();
    }

    static JsonNode find(JsonNode array, String id) {
        for (JsonNode node : array) {
            if (node.get("id").asText().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("no " + id + " in " + array);
    }

    static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.isTextual() ? node.asText() : node.get("id").asText()));
        return ids;
    }

    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static void assertProblem(ApiClient.Response response, int status, String type, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asText()).isEqualTo("/problems/" + type);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(problem.get("field").asText()).isEqualTo(field);
    }
}
