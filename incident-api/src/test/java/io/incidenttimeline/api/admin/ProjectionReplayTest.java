package io.incidenttimeline.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import io.incidenttimeline.api.support.ReferenceIncidentFixture;
import java.time.Duration;
import io.incidenttimeline.projections.componenthistory.ComponentHistoryProjection;
import io.incidenttimeline.projections.support.ReadStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Read models built incrementally while commands run must equal the ones rebuilt by replay, and the public endpoints
 * keep answering from the last complete view while the rebuild runs.
 */
class ProjectionReplayTest extends ApiIntegrationTest {

    private static final List<String> PROJECTIONS = List.of("audit-trail", "component-history", "incident-metrics",
            "maintenance-view", "public-view", "responder-view", "template-view");
    /** The processing group, the unit of a replay, of each read model that shares one with another. */
    private static final Map<String, String> GROUPS = Map.of("component-history", "public-view", "incident-metrics",
            "responder-view");
    /** One read model of each processing group: replaying them rebuilds every read model. */
    private static final List<String> ONE_PER_GROUP = List.of("audit-trail", "component-history", "incident-metrics",
            "maintenance-view", "template-view");

    @Autowired
    ComponentHistoryProjection componentHistory;

    @Autowired
    @ReadStore
    JdbcTemplate readStore;

    @Test
    void replayRebuildsEveryReadModelIdenticallyWhilePublicReadsKeepAnswering() throws Exception {
        ReferenceIncidentFixture.loadAndProject(api);
        tellSomeIncidents(6);
        Map<String, Integer> generations = awaitAllLiveAndCaughtUp();
        Map<String, JsonNode> before = snapshot();

        List<ApiClient.Response> duringReplay = new CopyOnWriteArrayList<>();
        AtomicBoolean replaying = new AtomicBoolean(true);
        Thread reader = new Thread(() -> {
            while (replaying.get()) {
                duringReplay.add(api.get("/api/v2/summary.json").send());
                duringReplay.add(api.get("/api/v2/incidents.json").send());
                duringReplay.add(api.get("/api/v1/audit/events?limit=1").as(ApiClient.AUDITOR).send());
            }
        });
        reader.start();
        for (String name : ONE_PER_GROUP) {
            var started = api.post("/api/v1/admin/projections/" + name + "/replay").as(ApiClient.ADMIN).send();
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            assertThat(started.json().get("name").asText()).isEqualTo(name);
            assertThat(started.json().get("buildingGeneration").asInt()).isEqualTo(generations.get(name) + 1);
        }
        Eventually.until(this::projections, list -> PROJECTIONS.stream().allMatch(name -> {
            JsonNode p = projection(list, name);
            return p.get("state").asText().equals("live") && p.get("activeGeneration").asInt() == generations.get(name) + 1;
        }), "every projection rebuilt into its next generation");
        replaying.set(false);
        reader.join();

        assertThat(duringReplay).isNotEmpty().allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(200);
            JsonNode json = response.json();
            if (json.has("components")) {
                assertThat(json.get("components")).as("components during the replay").isNotEmpty();
            }
            if (json.has("incidents")) {
                assertThat(json.get("incidents")).as("incidents during the replay").isNotEmpty();
            }
            if (json.has("events")) {
                assertThat(json.get("events")).as("audit events during the replay").isNotEmpty();
            }
        });
        awaitAllLiveAndCaughtUp();
        Map<String, JsonNode> after = snapshot();
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        for (String path : before.keySet()) {
            assertThat(after.get(path)).as(path).isEqualTo(before.get(path));
        }
        for (JsonNode p : projections()) {
            assertThat(p.get("lastReplayCompletedAt").isNull()).isFalse();
            assertThat(p.get("percentage").asDouble()).isEqualTo(100.0);
        }
    }

    @Test
    void anUpdatePostedDuringAReplayShowsInTheRebuiltView() {
        String incident = ApiClient.uniqueId("during-replay");
        Incidents.declare(api, Bodies.declaration(incident));
        awaitAllLiveAndCaughtUp();
        int generation = projection(projections(), "public-view").get("activeGeneration").asInt();

        assertThat(api.post("/api/v1/admin/projections/public-view/replay").as(ApiClient.ADMIN).send().status())
                .isEqualTo(202);
        Incidents.post(api, incident, Bodies.update("identified", "Posted while the public view was rebuilt"));

        Eventually.until(this::projections, list -> projection(list, "public-view").get("activeGeneration").asInt()
                == generation + 1, "the rebuilt public view live");
        Eventually.until(() -> api.get("/api/public/v1/incidents/" + incident).send().body(),
                body -> body.contains("Posted while the public view was rebuilt"), "the update in the rebuilt view");
    }

    @Test
    void replayingOneReadModelRebuildsEveryReadModelOfItsProcessingGroup() {
        tellSomeIncidents(1);
        Map<String, Integer> generations = awaitAllLiveAndCaughtUp();

        var started = api.post("/api/v1/admin/projections/component-history/replay").as(ApiClient.ADMIN).send();
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        JsonNode during = projections();
        assertThat(projection(during, "public-view").get("buildingGeneration").asInt())
                .isEqualTo(generations.get("public-view") + 1);
        var again = api.post("/api/v1/admin/projections/public-view/replay").as(ApiClient.ADMIN).send();
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().get("type").asText()).isEqualTo("/problems/replay-in-progress");

        JsonNode after = Eventually.until(this::projections, list -> List.of("component-history", "public-view").stream()
                .allMatch(name -> projection(list, name).get("state").asText().equals("live")
                        && projection(list, name).get("activeGeneration").asInt() == generations.get(name) + 1),
                "the public view rebuilt with the component history");
        for (String other : List.of("audit-trail", "incident-metrics", "maintenance-view", "responder-view",
                "template-view")) {
            assertThat(projection(after, other).get("activeGeneration").asInt()).as(other)
                    .isEqualTo(generations.get(other));
        }
    }

    @Test
    void theGenerationsOfTwoReplaysBackToBackAreBothDroppedAfterTheirGrace() {
        tellSomeIncidents(2);
        int live = awaitAllLiveAndCaughtUp().get("public-view");
        for (int replay = 0; replay < 2; replay++) {
            // the second starts while the first's old generation still waits out its grace
            var started = api.post("/api/v1/admin/projections/public-view/replay").as(ApiClient.ADMIN).send();
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            int next = ++live;
            Eventually.until(this::projections, list -> projection(list, "public-view").get("activeGeneration").asInt()
                    == next && projection(list, "public-view").get("state").asText().equals("live"),
                    "generation " + next + " of the public view live");
        }
        int active = live;
        Eventually.until(() -> readStore.queryForList("SELECT generation FROM public_incident WHERE generation <> ? "
                        + "UNION SELECT generation FROM public_component WHERE generation <> ? "
                        + "UNION SELECT generation FROM projection_progress WHERE projection = 'public-view' "
                        + "AND generation <> ?", Integer.class, active, active, active),
                List::isEmpty, "every generation of the public view but " + active + " dropped");
        assertThat(readStore.queryForObject("SELECT COUNT(*) FROM public_incident WHERE generation = ?", Long.class,
                active)).isPositive();
    }

    @Test
    void onlyAdminsReplayAndOnlyKnownProjections() {
        assertThat(api.get("/api/v1/admin/projections").as(ApiClient.RESPONDER).send().status()).isEqualTo(403);
        assertThat(api.post("/api/v1/admin/projections/public-view/replay").as(ApiClient.AUDITOR).send().status())
                .isEqualTo(403);
        assertThat(api.post("/api/v1/admin/projections/public-view/replay").send().status()).isEqualTo(401);
        var unknown = api.post("/api/v1/admin/projections/no-such-view/replay").as(ApiClient.ADMIN).send();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asText()).isEqualTo("/problems/projection-not-found");

        JsonNode list = projections();
        assertThat(list).extracting(p -> p.get("name").asText()).containsExactlyElementsOf(PROJECTIONS);
        for (JsonNode p : list) {
            String name = p.get("name").asText();
            assertThat(p.get("processor").asText()).isEqualTo(GROUPS.getOrDefault(name, name));
            assertThat(p.get("running").asBoolean()).isTrue();
            assertThat(p.has("position")).isTrue();
            assertThat(p.has("head")).isTrue();
            assertThat(p.has("eventsPerSecond")).isTrue();
        }
    }

    /** Read models kept per aggregate are built by four segments in parallel; the audit trail, read in order, by one. */
    @Test
    void perAggregateProjectionsRunInFourSegmentsAndTheAuditTrailInOne() {
        Map<String, Integer> expected = Map.of("public-view", 4, "incident-metrics", 4, "maintenance-view", 4, "component-history", 4,
                "responder-view", 4, "template-view", 4, "audit-trail", 1);
        JsonNode list = Eventually.until(this::projections, l -> PROJECTIONS.stream().allMatch(name ->
                projection(l, name).get("segments").size() == expected.get(name)
                        && allOwned(projection(l, name).get("segments"))), "every segment claimed");
        String node = projection(list, "public-view").at("/segments/0/owner").asText();
        for (String name : PROJECTIONS) {
            projection(list, name).get("segments").forEach(segment -> {
                assertThat(segment.get("owner").asText()).as("%s is processed by this one node", name).isEqualTo(node);
                assertThat(segment.has("position")).isTrue();
            });
        }
    }

    private static boolean allOwned(JsonNode segments) {
        for (JsonNode segment : segments) {
            if (segment.get("owner").isNull()) {
                return false;
            }
        }
        return true;
    }

    private void tellSomeIncidents(int count) {
        String component = ApiClient.uniqueId("replayed");
        Incidents.defineComponent(api, component, "Replayed component", "Replay group", 20);
        for (int i = 0; i < count; i++) {
            String incident = ApiClient.uniqueId("replay-" + i);
            Incidents.declare(api, Bodies.with(Bodies.with(Bodies.declaration(incident), "components",
                    Map.of(component, i % 2 == 0 ? "partial_outage" : "degraded_performance")), "nextUpdateInMinutes", 60));
            String amended = ApiClient.uniqueId("upd");
            Incidents.post(api, incident, Bodies.with(Bodies.update("identified", "Cause found " + i), "updateId", amended));
            Incidents.command(api, "POST", "/api/v1/incidents/" + incident + "/updates/" + amended + "/amendments",
                    Map.of("message", "Cause found, corrected " + i, "reason", "clarity"));
            Incidents.post(api, incident, Bodies.with(Bodies.update("identified", "internal " + i), "visibility", "internal"));
            Incidents.command(api, "POST", "/api/v1/incidents/" + incident + "/translations",
                    Map.of("locale", "de", "machineTranslated", i % 2 == 0, "title", "Titel " + i));
            if (i % 3 != 0) {
                Incidents.post(api, incident, Bodies.with(Bodies.update("resolved", "Resolved " + i), "components",
                        Map.of(component, "operational")));
            }
        }
        Instant windowStart = Instant.now().plus(Duration.ofDays(2));
        for (int i = 0; i < 3; i++) {
            String maintenance = ApiClient.uniqueId("replay-mnt-" + i);
            Incidents.command(api, "POST", "/api/v1/maintenances", Map.of("id", maintenance, "title", "Replayed " + i,
                    "message", "Announced " + i, "components", List.of(component), "autoStart", false,
                    "scheduledFor", windowStart.toString(), "scheduledUntil", windowStart.plusSeconds(3600).toString()));
            Incidents.command(api, "POST", "/api/v1/maintenances/" + maintenance + "/updates", Map.of("message", "Soon " + i));
            if (i > 0) {
                Incidents.command(api, "POST", "/api/v1/maintenances/" + maintenance + (i == 1 ? "/start" : "/cancel"),
                        Map.of());
            }
        }
    }

    private Map<String, Integer> awaitAllLiveAndCaughtUp() {
        JsonNode list = Eventually.until(this::projections, l -> PROJECTIONS.stream().allMatch(name -> {
            JsonNode p = projection(l, name);
            return p.get("state").asText().equals("live") && p.get("caughtUp").asBoolean()
                    && p.get("position").asLong() == p.get("head").asLong();
        }), "every projection live and caught up");
        Map<String, Integer> generations = new LinkedHashMap<>();
        PROJECTIONS.forEach(name -> generations.put(name, projection(list, name).get("activeGeneration").asInt()));
        return generations;
    }

    private Map<String, JsonNode> snapshot() {
        Map<String, JsonNode> views = new LinkedHashMap<>();
        for (String path : List.of("/api/v2/summary.json", "/api/v2/status.json", "/api/v2/components.json",
                "/api/v2/incidents.json", "/api/v2/incidents/unresolved.json", "/api/v2/scheduled-maintenances.json",
                "/api/v2/scheduled-maintenances/upcoming.json", "/api/v2/scheduled-maintenances/active.json")) {
            views.put(path, json(api.get(path).send()));
        }
        views.get("/api/v2/scheduled-maintenances.json").get("scheduled_maintenances").forEach(m -> {
            String path = "/api/public/v1/maintenances/" + m.get("id").asText() + "?tz=Europe/Berlin";
            views.put(path, json(api.get(path).send()));
        });
        List<String> incidents = new ArrayList<>();
        views.get("/api/v2/incidents.json").get("incidents").forEach(i -> incidents.add(i.get("id").asText()));
        for (String id : incidents) {
            String path = "/api/public/v1/incidents/" + id + "?lang=de&tz=Europe/Berlin";
            views.put(path, json(api.get(path).send()));
            String metrics = "/api/v1/incidents/" + id + "/metrics";
            views.put(metrics, json(api.get(metrics).as(ApiClient.AUDITOR).send()));
        }
        String responderPage = "/api/v1/incidents?limit=200";
        while (responderPage != null) {
            JsonNode page = json(api.get(responderPage).as(ApiClient.AUDITOR).send());
            views.put(responderPage, page.get("incidents"));
            for (JsonNode incident : page.get("incidents")) {
                String path = "/api/v1/incidents/" + incident.get("id").asText();
                views.put(path, json(api.get(path).as(ApiClient.AUDITOR).send()));
            }
            responderPage = page.get("nextCursor").isNull() ? null
                    : "/api/v1/incidents?limit=200&cursor=" + page.get("nextCursor").asText();
        }
        views.put("/api/v1/components", json(api.get("/api/v1/components").as(ApiClient.AUDITOR).send()));
        views.put("component status intervals", ApiClient.tree(componentHistory.intervals(
                Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z"))));
        String range = "/api/v1/metrics/incidents?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z";
        views.put(range, json(api.get(range).as(ApiClient.AUDITOR).send()));
        String page = "/api/v1/audit/events?limit=500";
        while (page != null) {
            JsonNode events = json(api.get(page).as(ApiClient.AUDITOR).send());
            views.put(page, events.get("events"));
            page = events.get("nextAfter").isNull() ? null : "/api/v1/audit/events?limit=500&after=" + events.get("nextAfter").asLong();
        }
        return views;
    }

    private static JsonNode json(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode projections() {
        var response = api.get("/api/v1/admin/projections").as(ApiClient.ADMIN).send();
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("projections");
    }

    private static JsonNode projection(JsonNode list, String name) {
        for (JsonNode p : list) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no projection " + name + " in " + list);
    }
}
