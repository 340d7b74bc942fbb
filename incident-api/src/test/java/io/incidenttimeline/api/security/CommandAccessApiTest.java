package io.incidenttimeline.api.security;

import static io.incidenttimeline.api.support.ApiClient.ADMIN;
import static io.incidenttimeline.api.support.ApiClient.AUDITOR;
import static io.incidenttimeline.api.support.ApiClient.RESPONDER;
import static io.incidenttimeline.api.support.ApiClient.uniqueId;
import static io.incidenttimeline.api.support.Bodies.declaration;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.ApiIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Commands need a responder, the catalogue an admin, the raw stream a responder or an auditor. */
class CommandAccessApiTest extends ApiIntegrationTest {

    @Test
    void commandsNeedAToken() {
        var response = api.post("/api/v1/incidents").json(declaration(uniqueId("anon"))).send();
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/authentication-required");
    }

    @Test
    void anUnknownOrMalformedTokenIsRefusedNotIgnored() {
        assertThat(api.post("/api/v1/incidents").as("guess").json(declaration(uniqueId("x"))).send().status()).isEqualTo(401);
        var basic = api.post("/api/v1/incidents").header("Authorization", "Basic dXNlcjpwYXNz")
                .json(declaration(uniqueId("x"))).send();
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.json().get("type").asText()).isEqualTo("/problems/invalid-token");
    }

    @Test
    void anAuditorMayReadTheStreamButIssueNoCommand() {
        String id = uniqueId("acl");
        var refused = api.post("/api/v1/incidents").as(AUDITOR).json(declaration(id)).send();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asText()).isEqualTo("/problems/forbidden");
        assertThat(api.post("/api/v1/incidents").as(RESPONDER).json(declaration(id)).send().status()).isEqualTo(201);
        assertThat(api.get("/api/v1/incidents/" + id + "/events").as(AUDITOR).send().status()).isEqualTo(200);
        assertThat(api.get("/api/v1/incidents/" + id + "/events").send().status()).isEqualTo(401);
    }

    @Test
    void onlyAnAdminDefinesComponentsAndAnAdminMayAlsoRespond() {
        var definition = Map.of("id", uniqueId("cmp"), "name", "Search");
        assertThat(api.post("/api/v1/components").as(RESPONDER).json(definition).send().status()).isEqualTo(403);
        assertThat(api.post("/api/v1/components").as(AUDITOR).json(definition).send().status()).isEqualTo(403);
        assertThat(api.post("/api/v1/components").as(ADMIN).json(definition).send().status()).isEqualTo(201);
        assertThat(api.post("/api/v1/incidents").as(ADMIN).json(declaration(uniqueId("adm"))).send().status()).isEqualTo(201);
    }
}
