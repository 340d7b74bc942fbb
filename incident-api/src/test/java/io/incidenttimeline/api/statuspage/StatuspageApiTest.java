package io.incidenttimeline.api.statuspage;

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
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Statuspage v2 compatible endpoints, over real HTTP, without authentication. */
class StatuspageApiTest extends ApiIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    io.incidenttimeline.api.statuspage.StatuspageDocuments statuspage;

    @org.springframework.beans.factory.annotation.Autowired
    io.incidenttimeline.projections.publicview.PublicViewQueries publicView;

    @org.springframework.beans.factory.annotation.Autowired
    com.fasterxml.jackson.databind.ObjectMapper webJson;


    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d)");
    private static final List<String> PAGE_KEYS = List.of("id", "name", "url", "time_zone", "updated_at");
    private static final List<String> COMPONENT_KEYS = List.of("id", "name", "status", "created_at", "updated_at",
            "position", "description", "showcase", "start_date", "group_id", "page_id", "group", "only_show_if_degraded");
    private static final List<String> INCIDENT_KEYS = List.of("id", "name", "status", "created_at", "updated_at",
            "monitoring_at", "resolved_at", "impact", "shortlink", "started_at", "page_id", "incident_updates",
            "components", "reminder_intervals");
    private static final List<String> UPDATE_KEYS = List.of("id", "status", "body", "incident_id", "created_at",
            "updated_at", "display_at", "affected_components", "deliver_notifications", "custom_tweet", "tweet_id");
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "All Systems Operational", "none", "Major System Outage", "critical", "Partial System Outage", "major",
            "Minor Service Outage", "minor", "Degraded System Service", "minor", "Partially Degraded Service", "minor",
            "Service Under Maintenance", "maintenance");

    @BeforeEach
    void reference() {
        ReferenceIncidentFixture.loadAndProject(api);
    }

    @Test
    void summaryHasStatuspagesShapeAndShowsAnOpenIncidentWithItsComponent() {
        String component = ApiClient.uniqueId("checkout");
        Incidents.defineComponent(api, component, "Checkout " + component, "Shop", 5);
        String incident = ApiClient.uniqueId("sp-open");
        Incidents.declare(api, Bodies.with(Bodies.with(Bodies.declaration(incident), "impact", "critical"),
                "components", Map.of(component, "major_outage")));

        JsonNode summary = Eventually.until(() -> api.get("/api/v2/summary.json").send().json(),
                // the component and the incident are folded in different segments, so either may show first
                s -> ids(s.get("incidents")).contains(incident) && ids(s.get("components")).contains(component),
                "the open incident and its component in summary.json");

        assertThat(names(summary)).containsExactly("page", "components", "incidents", "scheduled_maintenances", "status");
        assertPage(summary.get("page"));
        assertThat(summary.get("scheduled_maintenances").isArray()).isTrue();
        JsonNode status = summary.get("status");
        assertThat(names(status)).containsExactly("indicator", "description");
        assertThat(DESCRIPTIONS).containsEntry(status.get("description").asText(), status.get("indicator").asText());
        assertThat(status.get("indicator").asText()).isEqualTo("critical");

        for (JsonNode c : summary.get("components")) {
            List<String> expected = new ArrayList<>(COMPONENT_KEYS);
            if (c.get("group").asBoolean()) {
                expected.add("components");
            }
            assertThat(names(c)).as(c.toString()).containsExactlyElementsOf(expected);
            assertThat(c.get("created_at").asText()).matches(TIMESTAMP);
        }
        JsonNode mine = find(summary.get("components"), component);
        assertThat(mine.get("status").asText()).isEqualTo("major_outage");
        JsonNode shop = find(summary.get("components"), mine.get("group_id").asText());
        assertThat(shop.get("group").asBoolean()).isTrue();
        assertThat(shop.get("name").asText()).isEqualTo("Shop");
        assertThat(shop.get("status").asText()).isEqualTo("major_outage");
        assertThat(ids(shop.get("components"))).contains(component);

        JsonNode open = find(summary.get("incidents"), incident);
        assertThat(names(open)).containsExactlyElementsOf(INCIDENT_KEYS);
        assertThat(open.get("status").asText()).isEqualTo("investigating");
        assertThat(open.get("impact").asText()).isEqualTo("critical");
        assertThat(open.get("resolved_at").isNull()).isTrue();
        assertThat(open.get("monitoring_at").isNull()).isTrue();
        assertThat(open.get("reminder_intervals").isNull()).isTrue();
        assertThat(ids(open.get("components"))).containsExactly(component);
        assertThat(ids(summary.get("incidents"))).doesNotContain(ReferenceIncidentFixture.ID);

        Incidents.post(api, incident, Bodies.with(Bodies.update("resolved", "Fixed."), "components",
                Map.of(component, "operational")));
        JsonNode after = Eventually.until(() -> api.get("/api/v2/summary.json").send().json(),
                s -> !ids(s.get("incidents")).contains(incident), "the resolved incident gone from summary.json");
        assertThat(find(after.get("components"), component).get("status").asText()).isEqualTo("operational");
        JsonNode unresolved = api.get("/api/v2/incidents/unresolved.json").send().json();
        assertThat(ids(unresolved.get("incidents"))).doesNotContain(incident);
    }

    /**
     * incidents.json lists the 50 most recent, newest first. The backfilled reference incident (2024) is older than
     * the many the suite declares in this shared store, so its object is rendered by the same code from the live view.
     */
    @Test
    void incidentsListTheReferenceIncidentWithItsUpdatesNewestFirst() {
        var response = api.get("/api/v2/incidents.json").send();
        assertThat(response.status()).isEqualTo(200);
        assertThat(names(response.json())).containsExactly("page", "incidents");
        JsonNode listed = response.json().get("incidents");
        assertThat(listed.size()).isBetween(1, 50);
        java.util.List<String> created = new java.util.ArrayList<>();
        listed.forEach(incident -> created.add(incident.get("created_at").asText()));
        assertThat(created).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        JsonNode reference = webJson.valueToTree(statuspage.incident(
                publicView.incident(ReferenceIncidentFixture.ID).orElseThrow(), publicView.page()));
        assertThat(names(reference)).containsExactlyElementsOf(names(listed.get(0)));

        assertThat(reference.get("name").asText()).isEqualTo("Call recordings unavailable for some Talk customers");
        assertThat(reference.get("status").asText()).isEqualTo("postmortem");
        assertThat(reference.get("impact").asText()).isEqualTo("major");
        assertThat(reference.get("created_at").asText()).isEqualTo("2024-07-05T13:31:00.000Z");
        assertThat(reference.get("started_at").asText()).isEqualTo("2024-07-05T10:54:00.000Z");
        assertThat(reference.get("resolved_at").asText()).isEqualTo("2024-07-05T13:52:00.000Z");
        assertThat(ids(reference.get("components"))).containsExactly("talk-call-recordings");

        JsonNode updates = reference.get("incident_updates");
        assertThat(ids(updates)).containsExactly("update-2024-07-05-1352", "update-2024-07-05-1331");
        for (JsonNode update : updates) {
            assertThat(names(update)).containsExactlyElementsOf(UPDATE_KEYS);
            assertThat(update.get("incident_id").asText()).isEqualTo(ReferenceIncidentFixture.ID);
            assertThat(update.get("created_at").asText()).matches(TIMESTAMP);
        }
        assertThat(updates.get(0).get("status").asText()).isEqualTo("resolved");
        assertThat(updates.get(0).get("display_at").asText()).isEqualTo("2024-07-05T13:52:00.000Z");
        assertThat(updates.get(0).get("body").asText()).startsWith("The changes have been successfully rolled back");
        JsonNode affected = updates.get(0).get("affected_components").get(0);
        assertThat(affected.get("code").asText()).isEqualTo("talk-call-recordings");
        assertThat(affected.get("name").asText()).isEqualTo("Call recordings");
        assertThat(affected.get("old_status").asText()).isEqualTo("partial_outage");
        assertThat(affected.get("new_status").asText()).isEqualTo("operational");
        assertThat(updates.get(1).get("display_at").asText()).isEqualTo("2024-07-05T13:31:00.000Z");
        assertThat(updates.get(1).get("status").asText()).isEqualTo("identified");
    }

    /** Statuspage widgets link "View incident" to the shortlink: it is the incident's HTML page, on the page's URL. */
    @Test
    void everyIncidentsShortlinkIsItsHtmlPageOnThePagesUrl() {
        String pageUrl = api.get("/api/v2/summary.json").send().json().get("page").get("url").asText();
        JsonNode listed = api.get("/api/v2/incidents.json").send().json().get("incidents");
        assertThat(listed).isNotEmpty();
        for (JsonNode incident : listed) {
            assertThat(incident.get("shortlink").asText()).as(incident.get("id").asText())
                    .isEqualTo(pageUrl + "/incidents/" + incident.get("id").asText());
        }
        String shortlink = webJson.valueToTree(statuspage.incident(
                publicView.incident(ReferenceIncidentFixture.ID).orElseThrow(), publicView.page())).get("shortlink").asText();
        assertThat(shortlink).isEqualTo(pageUrl + "/incidents/" + ReferenceIncidentFixture.ID);
        var page = api.get(shortlink.substring(pageUrl.length())).send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("<h1>Call recordings unavailable for some Talk customers</h1>");
    }

    @Test
    void statusComponentsAndMaintenanceEndpointsHaveTheirKeys() {
        JsonNode status = api.get("/api/v2/status.json").send().json();
        assertThat(names(status)).containsExactly("page", "status");
        assertPage(status.get("page"));

        JsonNode components = api.get("/api/v2/components.json").send().json();
        assertThat(names(components)).containsExactly("page", "components");
        JsonNode recordings = find(components.get("components"), "talk-call-recordings");
        assertThat(recordings.get("name").asText()).isEqualTo("Call recordings");
        assertThat(recordings.get("position").asInt()).isEqualTo(1);
        JsonNode talk = find(components.get("components"), recordings.get("group_id").asText());
        assertThat(talk.get("name").asText()).isEqualTo("Talk");
        assertThat(ids(talk.get("components"))).contains("talk-call-recordings");

        for (String path : List.of("/api/v2/scheduled-maintenances.json", "/api/v2/scheduled-maintenances/upcoming.json",
                "/api/v2/scheduled-maintenances/active.json")) {
            JsonNode maintenances = api.get(path).send().json();
            assertThat(names(maintenances)).as(path).containsExactly("page", "scheduled_maintenances");
            assertThat(maintenances.get("scheduled_maintenances").isArray()).as(path).isTrue();
        }
    }

    @Test
    void responsesCarryAnEtagAndAnsweredWith304WhenUnchanged() {
        var first = api.get("/api/v2/summary.json").send();
        String etag = first.header("ETag");
        assertThat(etag).startsWith("\"");
        assertThat(first.header("Cache-Control")).contains("public");

        var again = api.get("/api/v2/summary.json").header("If-None-Match", etag).send();
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        var other = api.get("/api/v2/summary.json").header("If-None-Match", "\"something-else\"").send();
        assertThat(other.status()).isEqualTo(200);
    }

    @Test
    void corsIsOpenForGetFromAnyOrigin() {
        var response = api.get("/api/v2/status.json").header("Origin", "https://widget.example").send();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*");

        var preflight = api.call("OPTIONS", "/api/v2/summary.json").header("Origin", "https://widget.example")
                .header("Access-Control-Request-Method", "GET").header("Access-Control-Request-Headers", "if-none-match")
                .send();
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("GET");
    }

    private static void assertPage(JsonNode page) {
        assertThat(names(page)).containsExactlyElementsOf(PAGE_KEYS);
        assertThat(page.get("id").asText()).isNotBlank();
        assertThat(page.get("updated_at").asText()).matches(TIMESTAMP);
    }

    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static Set<String> ids(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(n -> n.isTextual() ? n.asText() : n.get("id").asText())
                .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    static JsonNode find(JsonNode array, String id) {
        for (JsonNode node : array) {
            if (node.get("id").asText().equals(id)) {
                return node;
            }
        }
        throw new AssertionError("no " + id + " in " + array);
    }
}
