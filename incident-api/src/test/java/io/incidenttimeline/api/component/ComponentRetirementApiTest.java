package io.incidenttimeline.api.component;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import io.incidenttimeline.projections.componenthistory.ComponentHistoryProjection;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * POST /api/v1/components/{id}/retirement and GET /api/v1/components: a retired component leaves the public page and
 * the pickers, while past incidents and its uptime history keep it.
 */
class ComponentRetirementApiTest extends ApiIntegrationTest {

    @Autowired
    ComponentHistoryProjection componentHistory;

    @Test
    void aRetiredComponentLeavesThePublicPageButPastIncidentsAndItsHistoryKeepIt() {
        String component = ApiClient.uniqueId("retiring");
        String name = "Retiring " + component;
        Incidents.defineComponent(api, component, name, "Legacy", 90);
        String incident = ApiClient.uniqueId("before-retirement");
        Incidents.declare(api, Bodies.with(Bodies.declaration(incident), "components", Map.of(component, "major_outage")));
        Incidents.post(api, incident, Bodies.with(Bodies.update("resolved", "Fixed"), "components",
                Map.of(component, "operational")));
        Eventually.until(() -> api.get("/api/v2/summary.json").send().body(), body -> body.contains(component),
                "the component on the page");
        Eventually.until(() -> api.get("/api/public/v1/incidents/" + incident).send().body(),
                body -> body.contains("resolved"), "the resolved incident public");

        var retired = api.post("/api/v1/components/" + component + "/retirement").as(ApiClient.ADMIN)
                .json(Map.of("reason", "merged into Core")).send();
        assertThat(retired.status()).as(retired.toString()).isEqualTo(200);
        assertThat(retired.json().get("componentId").asText()).isEqualTo(component);
        assertThat(retired.header("ETag")).isEqualTo("\"" + retired.json().get("version").asLong() + "\"");
        var again = api.post("/api/v1/components/" + component + "/retirement").as(ApiClient.ADMIN).json(Map.of()).send();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("version").asLong()).as("retiring twice changes nothing")
                .isEqualTo(retired.json().get("version").asLong());

        for (String path : new String[] {"/api/v2/summary.json", "/api/v2/components.json", "/"}) {
            Eventually.until(() -> api.get(path).send().body(), body -> !body.contains(component) && !body.contains(name),
                    "the retired component off " + path);
        }
        assertThat(api.get("/api/public/v1/incidents/" + incident).send().body()).as("the past incident names it")
                .contains(name);
        assertThat(api.get("/incidents/" + incident).send().body()).contains(name);
        assertThat(componentHistory.intervals(Instant.parse("2000-01-01T00:00:00Z"), Instant.parse("2100-01-01T00:00:00Z")))
                .as("its uptime history").anyMatch(interval -> interval.componentId().equals(component));

        JsonNode listed = Eventually.until(() -> catalogueEntry(component), entry -> entry != null
                && entry.get("retired").asBoolean(), "the retirement in the catalogue");
        assertThat(listed.get("retirementReason").asText()).isEqualTo("merged into Core");
        assertThat(listed.get("retiredAt").isTextual()).isTrue();
        assertThat(listed.get("group").asText()).isEqualTo("Legacy");
        assertThat(listed.get("position").asInt()).isEqualTo(90);
        assertThat(listed.get("status").asText()).isEqualTo("operational");
    }

    @Test
    void aRetiredComponentCannotBeNamedByANewIncidentNorDefinedAgain() {
        String component = ApiClient.uniqueId("retired");
        Incidents.defineComponent(api, component, "Retired one", null, 91);
        assertThat(api.post("/api/v1/components/" + component + "/retirement").as(ApiClient.ADMIN).json(Map.of())
                .send().status()).isEqualTo(200);

        var declared = api.post("/api/v1/incidents").as(ApiClient.RESPONDER).json(Bodies.with(Bodies.declaration(
                ApiClient.uniqueId("names-retired")), "components", Map.of(component, "degraded_performance"))).send();
        assertThat(declared.status()).as(declared.toString()).isEqualTo(409);
        assertThat(declared.json().get("type").asText()).isEqualTo("/problems/component-retired");
        assertThat(declared.json().get("field").asText()).isEqualTo("components");

        var redefined = api.post("/api/v1/components").as(ApiClient.ADMIN).json(Map.of("id", component, "name", "Back"))
                .send();
        assertThat(redefined.status()).as(redefined.toString()).isEqualTo(409);
        assertThat(redefined.json().get("type").asText()).isEqualTo("/problems/component-retired");
    }

    @Test
    void anOpenIncidentStatusShowsInTheCatalogueAndRetiringAnUnknownComponentIsA404() {
        String component = ApiClient.uniqueId("catalogued");
        Incidents.defineComponent(api, component, "Catalogued", "Core", 2);
        Incidents.declare(api, Bodies.with(Bodies.with(Bodies.declaration(ApiClient.uniqueId("internal-outage")),
                "components", Map.of(component, "partial_outage")), "visibility", "internal"));
        JsonNode entry = Eventually.until(() -> catalogueEntry(component), e -> e != null
                && e.get("status").asText().equals("partial_outage"), "the internal incident's status in the catalogue");
        assertThat(entry.get("retired").asBoolean()).isFalse();
        assertThat(entry.get("retiredAt").isNull()).isTrue();

        var unknown = api.post("/api/v1/components/" + ApiClient.uniqueId("never-defined") + "/retirement")
                .as(ApiClient.ADMIN).json(Map.of()).send();
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.json().get("type").asText()).isEqualTo("/problems/not-found");
    }

    private JsonNode catalogueEntry(String component) {
        var response = api.get("/api/v1/components").as(ApiClient.RESPONDER).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        for (JsonNode entry : response.json().get("components")) {
            if (entry.get("id").asText().equals(component)) {
                return entry;
            }
        }
        return null;
    }
}
