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
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/incidents: newest declaration first (ids in order among equal times), internal incidents included,
 * filtered, paged by cursor. Each test names a component of its own, so its filter sees only its own incidents.
 */
class ResponderIncidentListApiTest extends ApiIntegrationTest {

    private static final Instant BASE = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void pagesRunNewestFirstWithTiesByIdAndStayStableWhenIncidentsAreDeclaredMeanwhile() {
        String component = component("list-page");
        String run = ApiClient.uniqueId("lp");
        declare(run + "-a", component, BASE.plusSeconds(60), "public");
        declare(run + "-c", component, BASE.plusSeconds(120), "public");
        declare(run + "-b", component, BASE.plusSeconds(120), "internal");
        declare(run + "-d", component, BASE.plusSeconds(180), "public");
        awaitListed(component, 4);

        JsonNode first = list("?component=" + component + "&limit=2");
        assertThat(ids(first)).containsExactly(run + "-d", run + "-b");
        declare(run + "-e", component, BASE.plusSeconds(240), "public");
        awaitListed(component, 5);
        JsonNode second = list("?component=" + component + "&limit=2&cursor=" + first.get("nextCursor").asText());
        assertThat(ids(second)).as("the page after the cursor, unshifted by the newer incident")
                .containsExactly(run + "-c", run + "-a");
        assertThat(second.get("nextCursor").isNull()).isTrue();
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(first.get("next").asText()).contains("cursor=" + first.get("nextCursor").asText());
    }

    @Test
    void filtersByStatusVisibilityComponentAndDeclarationTime() {
        String component = component("list-filter");
        String run = ApiClient.uniqueId("lf");
        declare(run + "-open-public", component, BASE.plusSeconds(10), "public");
        declare(run + "-open-internal", component, BASE.plusSeconds(20), "internal");
        declare(run + "-resolved", component, BASE.plusSeconds(30), "public");
        Incidents.post(api, run + "-resolved", Bodies.with(Bodies.update("resolved", "Fixed"), "components",
                Map.of(component, "operational")));
        String base = "?component=" + component;
        Eventually.until(() -> ids(list(base + "&status=resolved")), ids -> ids.size() == 1, "the resolution listed");

        assertThat(ids(list(base + "&status=open"))).containsExactly(run + "-open-internal", run + "-open-public");
        assertThat(ids(list(base + "&status=resolved"))).containsExactly(run + "-resolved");
        assertThat(ids(list(base + "&visibility=internal"))).containsExactly(run + "-open-internal");
        assertThat(ids(list(base + "&visibility=public"))).containsExactly(run + "-resolved", run + "-open-public");
        assertThat(ids(list(base + "&from=" + BASE.plusSeconds(20) + "&to=" + BASE.plusSeconds(30))))
                .containsExactly(run + "-open-internal");
        JsonNode internal = list(base + "&visibility=internal").at("/incidents/0");
        assertThat(internal.get("visibility").asText()).isEqualTo("internal");
        assertThat(internal.at("/latestUpdate/visibility").asText()).isEqualTo("internal");
        assertThat(internal.at("/components/" + component).asText()).isEqualTo("partial_outage");
        assertThat(ids(list("?component=" + component("list-none")))).isEmpty();
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() {
        for (String[] bad : List.of(new String[] {"status=closed", "status", "invalid-parameter"},
                new String[] {"visibility=secret", "visibility", "invalid-parameter"},
                new String[] {"component=no%20spaces", "component", "invalid-id"},
                new String[] {"from=yesterday", "from", "invalid-timestamp"},
                new String[] {"from=2024-01-02T00:00:00Z&to=2024-01-01T00:00:00Z", "to", "empty-time-range"},
                new String[] {"cursor=not-a-cursor", "cursor", "invalid-cursor"},
                new String[] {"limit=0", "limit", "invalid-limit"},
                new String[] {"limit=201", "limit", "invalid-limit"},
                new String[] {"limit=ten", "limit", "invalid-limit"})) {
            var response = api.get("/api/v1/incidents?" + bad[0]).as(ApiClient.AUDITOR).send();
            assertThat(response.status()).as(bad[0]).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("field").asText()).as(bad[0]).isEqualTo(bad[1]);
            assertThat(response.json().get("type").asText()).as(bad[0]).isEqualTo("/problems/" + bad[2]);
        }
    }

    private String component(String prefix) {
        String id = ApiClient.uniqueId(prefix);
        Incidents.defineComponent(api, id, "Listed " + id, "Lists", 50);
        return id;
    }

    private void declare(String id, String component, Instant at, String visibility) {
        Incidents.declare(api, Bodies.with(Bodies.with(Bodies.with(Bodies.declaration(id), "components",
                Map.of(component, "partial_outage")), "occurredAt", at.toString()), "visibility", visibility));
    }

    private void awaitListed(String component, int count) {
        Eventually.until(() -> ids(list("?component=" + component)), ids -> ids.size() == count,
                count + " incidents listed");
    }

    private JsonNode list(String query) {
        var response = api.get("/api/v1/incidents" + query).as(ApiClient.RESPONDER).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("incidents").forEach(incident -> ids.add(incident.get("id").asText()));
        return ids;
    }
}
