package io.incidenttimeline.api.incident;

import static io.incidenttimeline.api.incident.IncidentCommandApiTest.assertProblem;
import static io.incidenttimeline.api.support.ApiClient.ADMIN;
import static io.incidenttimeline.api.support.ApiClient.AUDITOR;
import static io.incidenttimeline.api.support.ApiClient.RESPONDER;
import static io.incidenttimeline.api.support.ApiClient.uniqueId;
import static io.incidenttimeline.api.support.Bodies.declaration;
import static io.incidenttimeline.api.support.Bodies.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import io.incidenttimeline.api.support.PublicBodies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Roles on an incident through real HTTP: assigned, handed over and released with the conventions of every
 * incident command, shown to responders with who assigned whom, in the audit trail, and never to the public.
 */
class IncidentRolesApiTest extends ApiIntegrationTest {

    private String incidentId;
    private String path;

    @BeforeEach
    void declareIncident() {
        String component = uniqueId("roles-cmp");
        Incidents.defineComponent(api, component, "Roles " + component, "Roles", 92);
        incidentId = uniqueId("roles");
        Incidents.declare(api, with(declaration(incidentId), "components", Map.of(component, "degraded_performance")));
        path = "/api/v1/incidents/" + incidentId + "/roles/";
    }

    @Test
    void aRoleIsAssignedHandedOverAndReleasedAndResponderSeeWhoAssignedWhomWhenAndWhy() {
        var assigned = assign("lead", Map.of("holder", "Dana Reyes", "reason", "on call this week"), "\"1\"");
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        assertThat(assigned.header("ETag")).isEqualTo("\"2\"");
        assertThat(assigned.json().get("version").asLong()).isEqualTo(2);

        var handedOver = assign("lead", Map.of("holder", "Sam Okafor", "reason", "shift change"), "\"2\"");
        assertThat(handedOver.header("ETag")).isEqualTo("\"3\"");
        var communications = assign("communications", Map.of("holder", "Ana Lima"), null);
        assertThat(communications.header("ETag")).isEqualTo("\"4\"");
        var released = api.call("DELETE", path + "communications").as(RESPONDER).json(Map.of("reason", "off shift"))
                .send();
        assertThat(released.status()).as(released.toString()).isEqualTo(200);
        assertThat(released.header("ETag")).isEqualTo("\"5\"");

        JsonNode people = responderRead(5).get("people");
        assertThat(people.get("holders")).hasSize(1);
        assertThat(people.at("/holders/0/role").asText()).isEqualTo("lead");
        assertThat(people.at("/holders/0/holder").asText()).isEqualTo("Sam Okafor");
        assertThat(people.at("/holders/0/assigned/by").asText()).isEqualTo("test-responder");
        JsonNode history = people.get("roleHistory");
        assertThat(history).hasSize(4);
        assertThat(history.get(0).get("holder").asText()).isEqualTo("Dana Reyes");
        assertThat(history.get(0).get("previousHolder").isNull()).isTrue();
        assertThat(history.get(0).get("reason").asText()).isEqualTo("on call this week");
        assertThat(history.get(0).at("/changed/by").asText()).isEqualTo("test-responder");
        assertThat(history.get(0).at("/changed/at").asText()).isNotBlank();
        assertThat(history.get(1).get("holder").asText()).isEqualTo("Sam Okafor");
        assertThat(history.get(1).get("previousHolder").asText()).isEqualTo("Dana Reyes");
        assertThat(history.get(3).get("role").asText()).isEqualTo("communications");
        assertThat(history.get(3).get("holder").isNull()).as("released").isTrue();
        assertThat(history.get(3).get("previousHolder").asText()).isEqualTo("Ana Lima");

        List<JsonNode> events = events();
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly("IncidentDeclared", "UpdatePosted",
                "RoleAssigned", "RoleAssigned", "RoleAssigned", "RoleReleased");
        assertThat(events.get(3).at("/payload/previousHolder").asText()).isEqualTo("Dana Reyes");
        assertThat(events.get(3).at("/metadata/actor").asText()).isEqualTo("test-responder");
        JsonNode audit = Eventually.until(() -> api.get("/api/v1/audit/events?incident=" + incidentId).as(AUDITOR)
                .send(), r -> r.status() == 200 && r.body().contains("RoleReleased"), "the roles in the audit trail")
                .json();
        assertThat(audit.toString()).contains("RoleAssigned").contains("Sam Okafor");
    }

    @Test
    void theSameHolderAgainChangesNothingAndReleasingARoleNobodyHoldsNeither() {
        assertThat(assign("communications", Map.of("holder", "Dana Reyes"), null).header("ETag")).isEqualTo("\"2\"");
        var again = assign("communications", Map.of("holder", "Dana Reyes", "reason", "still Dana"), "\"2\"");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.header("ETag")).isEqualTo("\"2\"");
        var releaseUnheld = api.call("DELETE", path + "lead").as(RESPONDER).send();
        assertThat(releaseUnheld.status()).as(releaseUnheld.toString()).isEqualTo(200);
        assertThat(releaseUnheld.header("ETag")).isEqualTo("\"2\"");
        assertThat(events()).hasSize(3);
    }

    @Test
    void refusalsNameTheFieldAndStoreNothing() {
        assertProblem(assign("scribe", Map.of("holder", "Dana Reyes"), null), 400, "unknown-role", "role");
        assertProblem(api.call("DELETE", path + "scribe").as(RESPONDER).send(), 400, "unknown-role", "role");
        assertProblem(assign("lead", Map.of("holder", "  "), null), 400, "text-required", "holder");
        assertProblem(assign("lead", Map.of("reason", "nobody named"), null), 400, "text-required", "holder");
        assertProblem(assign("lead", Map.of("holder", "dana@example.com"), null), 400, "holder-not-a-name", "holder");
        assertProblem(assign("lead", Map.of("holder", "Dana", "email", "dana@example.com"), null), 400,
                "unknown-field", "email");
        assertProblem(assign("lead", Map.of("holder", "Dana Reyes"), "\"7\""), 412, "version-mismatch", "If-Match");
        assertThat(events()).hasSize(2);
    }

    @Test
    void anIdempotencyKeyMakesTheAssignmentSafeToRetry() {
        var first = api.put(path + "lead").as(RESPONDER).header("Idempotency-Key", "roles-" + incidentId)
                .json(Map.of("holder", "Dana Reyes")).send();
        var retried = api.put(path + "lead").as(RESPONDER).header("Idempotency-Key", "roles-" + incidentId)
                .json(Map.of("holder", "Dana Reyes")).send();
        assertThat(retried.status()).isEqualTo(first.status()).isEqualTo(200);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        var otherBody = api.put(path + "lead").as(RESPONDER).header("Idempotency-Key", "roles-" + incidentId)
                .json(Map.of("holder", "Sam Okafor")).send();
        assertThat(otherBody.status()).as(otherBody.toString()).isEqualTo(422);
        assertThat(events()).hasSize(3);
    }

    @Test
    void aResponderMayAssignRolesAndAnAuditorMayNot() {
        var auditor = api.put(path + "lead").as(AUDITOR).json(Map.of("holder", "Dana Reyes")).send();
        assertThat(auditor.status()).as(auditor.toString()).isEqualTo(403);
        var anonymous = api.put(path + "lead").json(Map.of("holder", "Dana Reyes")).send();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(api.call("DELETE", path + "lead").as(AUDITOR).send().status()).isEqualTo(403);
        assertThat(events()).hasSize(2);
    }

    @Test
    void rolesLeaveEveryPublicBodyAndETagAsTheyWere() {
        Eventually.until(() -> api.get("/api/public/v1/incidents/" + incidentId).send(), r -> r.status() == 200,
                "the incident in the public view");
        PublicBodies.awaitPublicViewAtHead(api);
        Map<String, String> before = PublicBodies.of(api, incidentId);

        assign("lead", Map.of("holder", "Dana Reyes", "reason", "on call"), null);
        assign("communications", Map.of("holder", "Sam Okafor"), null);
        api.call("DELETE", path + "lead").as(RESPONDER).send();
        responderRead(4);
        PublicBodies.awaitPublicViewAtHead(api);

        Map<String, String> after = PublicBodies.of(api, incidentId);
        assertThat(after).isEqualTo(before);
        assertThat(String.join("\n", after.values())).doesNotContain("Dana Reyes").doesNotContain("Sam Okafor");
    }

    private ApiClient.Response assign(String role, Map<String, Object> body, String ifMatch) {
        var call = api.put(path + role).as(RESPONDER).json(body);
        if (ifMatch != null) {
            call.header("If-Match", ifMatch);
        }
        return call.send();
    }

    private JsonNode responderRead(long version) {
        return Eventually.until(() -> api.get("/api/v1/incidents/" + incidentId).as(RESPONDER).send(),
                r -> r.status() == 200 && r.json().get("version").asLong() >= version, "the responder view at "
                        + version).json();
    }

    private List<JsonNode> events() {
        var response = api.get("/api/v1/incidents/" + incidentId + "/events").as(ADMIN).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        response.json().get("events").forEach(events::add);
        return events;
    }
}
