package io.incidenttimeline.api.console.incident;

import static io.incidenttimeline.api.console.incident.ConsoleIncidentPages.section;
import static io.incidenttimeline.api.console.incident.ConsoleIncidentPages.stamped;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.ConsoleClient;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The incident page's roles form over real HTTP, as a browser without JavaScript sends it: an assignment and a
 * hand-over land in the responder view as the signed-in person's, the page shows holders and history, a refusal
 * comes back next to its field with the input kept, and a stale page is answered 409.
 */
class ConsoleRolesTest extends ApiIntegrationTest {

    @LocalServerPort
    private int port;

    @Test
    void aRoleIsAssignedAndHandedOverFromTheIncidentPageAndShownWithItsHistory() {
        String id = declared("console-roles");
        ConsoleClient browser = signedIn();
        var page = browser.get("/console/incidents/" + id);
        assertThat(section(page.body(), "roles")).contains("Nobody holds a role yet")
                .contains("<option value=\"lead\"").contains("<option value=\"communications\"");

        var assigned = browser.post("/console/incidents/" + id + "/roles", stamped(page, "role", "communications",
                "holder", "Dana Reyes", "reason", "on call"));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(303);
        assertThat(assigned.location()).startsWith("/console/incidents/" + id + "?seen=").endsWith("#roles");
        page = browser.get(assigned.location().replaceAll("#.*", ""));
        var handedOver = browser.post("/console/incidents/" + id + "/roles", stamped(page, "role", "communications",
                "holder", "Sam Okafor", "reason", ""));
        assertThat(handedOver.status()).as(handedOver.toString()).isEqualTo(303);

        JsonNode people = responder(id, 3).get("people");
        assertThat(people.at("/holders/0/holder").asText()).isEqualTo("Sam Okafor");
        assertThat(people.at("/roleHistory/1/previousHolder").asText()).isEqualTo("Dana Reyes");
        assertThat(people.at("/roleHistory/1/changed/by").asText()).isEqualTo("test-responder");
        assertThat(people.at("/roleHistory/1/changed/channel").asText()).isEqualTo("console");
        String roles = section(browser.get(handedOver.location().replaceAll("#.*", "")).body(), "roles");
        assertThat(roles).contains("Sam Okafor").contains("handed communications from Dana Reyes to Sam Okafor")
                .contains("gave communications to Dana Reyes").contains("(on call)");

        page = browser.get("/console/incidents/" + id + "?seen=3");
        var released = browser.post("/console/incidents/" + id + "/roles/communications/release", stamped(page));
        assertThat(released.status()).as(released.toString()).isEqualTo(303);
        assertThat(responder(id, 4).at("/people/holders")).isEmpty();
    }

    @Test
    void anEmailAsHolderIsRefusedNextToTheFieldWithTheInputKeptAndAStalePageIs409() {
        String id = declared("console-roles-refused");
        ConsoleClient browser = signedIn();
        var page = browser.get("/console/incidents/" + id);

        var refused = browser.post("/console/incidents/" + id + "/roles", stamped(page, "role", "lead",
                "holder", "dana@example.com", "reason", "kept reason"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        String form = section(refused.body(), "roles");
        assertThat(form).containsPattern("name=\"holder\" value=\"dana@example.com\"[^>]*>\\s*<span class=\"problem\"")
                .contains("value=\"kept reason\"").contains("not an email address");

        Incidents.command(api, "PUT", "/api/v1/incidents/" + id + "/roles/lead", Map.of("holder", "Ana Lima"));
        var stale = browser.post("/console/incidents/" + id + "/roles", stamped(page, "role", "lead",
                "holder", "Dana Reyes"));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(section(stale.body(), "stale-heading")).contains("This incident changed since you opened it");
        assertThat(section(stale.body(), "roles")).contains("value=\"Dana Reyes\"").contains("Ana Lima");
        assertThat(responder(id, 2).at("/people/holders/0/holder").asText()).isEqualTo("Ana Lima");
    }

    private String declared(String prefix) {
        String id = ApiClient.uniqueId(prefix);
        Incidents.declare(api, Bodies.declaration(id));
        Eventually.until(() -> api.get("/api/v1/incidents/" + id).as(ApiClient.RESPONDER).send().status(),
                status -> status == 200, "the incident in the responder view");
        return id;
    }

    private ConsoleClient signedIn() {
        return new ConsoleClient(port).signIn(ApiClient.RESPONDER);
    }

    private JsonNode responder(String id, long version) {
        return Eventually.until(() -> api.get("/api/v1/incidents/" + id).as(ApiClient.RESPONDER).send().json(),
                view -> view.get("version").asLong() >= version, "the responder view at " + version);
    }
}
