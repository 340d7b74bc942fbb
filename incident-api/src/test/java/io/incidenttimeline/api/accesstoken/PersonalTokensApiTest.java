package io.incidenttimeline.api.accesstoken;

import static io.incidenttimeline.api.support.ApiClient.ADMIN;
import static io.incidenttimeline.api.support.ApiClient.AUDITOR;
import static io.incidenttimeline.api.support.ApiClient.RESPONDER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.audit.AuditIntegrationTest;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Sha256;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Personal tokens over real HTTP: an admin issues one, it works at once, it is listed without its secret, it is
 * refused from the request after its revocation on, and the audit trail says who issued and revoked it without ever
 * holding the token or its hash.
 */
class PersonalTokensApiTest extends AuditIntegrationTest {

    private static final String TOKENS = "/api/v1/admin/tokens";

    @Test
    void anIssuedTokenIsShownOnceInTheTokenFormAndWorksAtOnceOnACommandEndpoint() {
        String name = ApiClient.uniqueId("alice");
        var issued = issue(name, "responder");

        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        assertThat(issued.header("Cache-Control")).contains("no-store");
        JsonNode body = issued.json();
        String token = body.get("token").asText();
        assertThat(token).matches("itk_[A-Za-z0-9_-]{43}");
        assertThat(body.get("name").asText()).isEqualTo(name);
        assertThat(body.get("role").asText()).isEqualTo("responder");
        assertThat(body.get("createdBy").asText()).isEqualTo("test-admin");
        assertThat(Instant.parse(body.get("createdAt").asText())).isBefore(Instant.now().plusSeconds(1));

        var declared = api.post("/api/v1/incidents").as(token).json(Bodies.declaration(ApiClient.uniqueId("tok")))
                .send();
        assertThat(declared.status()).as(declared.toString()).isEqualTo(201);
        var audit = api.get("/api/v1/audit/events").as(token).send();
        assertThat(audit.status()).as("a responder's token is no auditor's").isEqualTo(403);
    }

    @Test
    void theListShowsIssuedAndConfiguredTokensWithTheirLastUseButNeverASecretOrAHash() {
        String name = ApiClient.uniqueId("bob");
        String token = issue(name, "auditor").json().get("token").asText();
        assertThat(api.get("/api/v1/audit/events?limit=1").as(token).send().status()).isEqualTo(200);

        var listed = api.get(TOKENS).as(ADMIN).send();

        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.body()).doesNotContain(token).doesNotContain(Sha256.hex(token))
                .doesNotContain(Sha256.hex(ADMIN));
        JsonNode bob = byName(listed.json(), name);
        assertThat(bob.get("role").asText()).isEqualTo("auditor");
        assertThat(bob.get("source").asText()).isEqualTo("issued");
        assertThat(bob.get("createdBy").asText()).isEqualTo("test-admin");
        assertThat(bob.get("createdAt").asText()).isNotBlank();
        assertThat(bob.get("lastUsedAt").asText()).as("used once just now").isNotBlank();
        assertThat(bob.has("token")).isFalse();
        JsonNode admin = byName(listed.json(), "test-admin");
        assertThat(admin.get("source").asText()).isEqualTo("configured");
        assertThat(admin.get("role").asText()).isEqualTo("admin");
        assertThat(admin.get("createdBy").isNull()).isTrue();
        assertThat(admin.get("lastUsedAt").asText()).as("this very request used it").isNotBlank();
        List<String> names = StreamSupport.stream(listed.json().get("tokens").spliterator(), false)
                .map(t -> t.get("name").asText()).toList();
        assertThat(names).isSorted().contains("test-responder", "test-auditor");
    }

    @Test
    void aRevokedTokenIsRefusedOnItsVeryNextRequestAndItsNameMayBeIssuedAgain() {
        String name = ApiClient.uniqueId("carol");
        String first = issue(name, "responder").json().get("token").asText();
        assertThat(declareWith(first)).isEqualTo(201);

        var revoked = api.call("DELETE", TOKENS + "/" + name).as(ADMIN).send();
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(204);

        var refused = api.post("/api/v1/incidents").as(first).json(Bodies.declaration(ApiClient.uniqueId("tok"))).send();
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("type").asText()).isEqualTo("/problems/invalid-token");
        assertThat(byNameOrNull(api.get(TOKENS).as(ADMIN).send().json(), name)).isNull();
        var again = api.call("DELETE", TOKENS + "/" + name).as(ADMIN).send();
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("type").asText()).isEqualTo("/problems/token-not-found");

        var reissued = issue(name, "admin");
        assertThat(reissued.status()).as(reissued.toString()).isEqualTo(201);
        String second = reissued.json().get("token").asText();
        assertThat(second).isNotEqualTo(first);
        assertThat(api.get(TOKENS).as(second).send().status()).as("the new token, an admin's").isEqualTo(200);
        assertThat(declareWith(first)).as("the old token stays revoked").isEqualTo(401);
    }

    /**
     * Another node issues or revokes by committing a row of the shared table; this node must follow on the next
     * request, which holds only if it asks the table every time rather than a copy of its own. Written here with plain
     * SQL, as that other node's transaction would leave it.
     */
    @Test
    void aRowAddedOrRemovedInTheSharedTableCountsOnTheVeryNextRequest() {
        String name = ApiClient.uniqueId("dave");
        String token = "itk_" + name + "-written-by-another-node";
        assertThat(api.get(TOKENS).as(token).send().status()).isEqualTo(401);

        jdbc.update("INSERT INTO access_token (name, role, token_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?)",
                name, "admin", Sha256.hex(token), Timestamp.from(Instant.now()), "another-node-admin");
        assertThat(api.get(TOKENS).as(token).send().status()).isEqualTo(200);

        jdbc.update("DELETE FROM access_token WHERE name = ?", name);
        assertThat(api.get(TOKENS).as(token).send().status()).isEqualTo(401);
    }

    @Test
    void theAuditTrailShowsWhoIssuedAndRevokedATokenAndNeverTheTokenOrItsHash() {
        String name = ApiClient.uniqueId("erin");
        String token = issue(name, "responder").json().get("token").asText();
        assertThat(api.call("DELETE", TOKENS + "/" + name).as(ADMIN).send().status()).isEqualTo(204);
        String hash = Sha256.hex(token);

        List<JsonNode> events = Eventually.until(() -> tokenEvents(name), found -> found.size() == 2,
                "the token's two events in the audit trail");

        assertThat(events).extracting(e -> e.get("type").asText())
                .containsExactly("AccessTokenIssued", "AccessTokenRevoked");
        for (JsonNode event : events) {
            assertThat(event.get("actor").asText()).isEqualTo("test-admin");
            assertThat(event.get("role").asText()).isEqualTo("admin");
            assertThat(event.get("channel").asText()).isEqualTo("api");
            assertThat(event.get("incidentId").isNull()).isTrue();
            List<String> fields = new ArrayList<>();
            event.get("payload").fieldNames().forEachRemaining(fields::add);
            assertThat(fields).containsExactly("name", "role", "occurredAt", "recordedAt");
            assertThat(event.get("payload").get("name").asText()).isEqualTo(name);
            assertThat(event.get("payload").get("role").asText()).isEqualTo("responder");
            assertThat(event.toString()).doesNotContain(token).doesNotContain(hash)
                    .doesNotContain(token.substring(4));
        }
        List<String> stored = jdbc.query("SELECT payload, metaData FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "ORDER BY sequenceNumber", (rs, row) -> new String(rs.getBytes(1), StandardCharsets.UTF_8)
                + new String(rs.getBytes(2), StandardCharsets.UTF_8), "access-token:" + name);
        assertThat(stored).as("the events as stored, with their metadata").hasSize(2)
                .allSatisfy(json -> assertThat(json).contains(name).doesNotContain(token).doesNotContain(hash)
                        .doesNotContain(token.substring(4)));
        long last = events.get(1).get("position").asLong();
        var export = api.get("/api/v1/audit/export?fromPosition=" + events.get(0).get("position").asLong()
                + "&toPosition=" + last).as(AUDITOR).send();
        assertThat(export.status()).as(export.toString()).isEqualTo(200);
        assertThat(export.body()).contains("AccessTokenIssued").doesNotContain(token).doesNotContain(hash);

        checkpointCovering(last);
        JsonNode report = verify();
        assertThat(report.get("intact").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("chainedThrough").asLong()).isGreaterThanOrEqualTo(last);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "{\"name\": \"frank\", \"role\": \"owner\"}                    | invalid-field   | role",
            "{\"name\": \"Frank\", \"role\": \"responder\"}                | invalid-token-name | name",
            "{\"name\": \"frank smith\", \"role\": \"responder\"}          | invalid-token-name | name",
            "{\"name\": \"-frank\", \"role\": \"responder\"}               | invalid-token-name | name",
            "{\"role\": \"responder\"}                                    | value-required  | name",
            "{\"name\": \"frank\"}                                        | value-required  | role",
            "{\"name\": \"frank\", \"role\": \"responder\", \"expires\": 3} | unknown-field   | expires",
            "{\"name\": 7, \"role\": \"responder\"}                        | invalid-field   | name",
            "{\"name\": null, \"role\": \"responder\"}                     | value-required  | name"})
    void aBadBodyIsA400ProblemNamingTheField(String body, String type, String field) {
        var response = api.post(TOKENS).as(ADMIN).rawJson(body).send();

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asText()).isEqualTo("/problems/" + type);
        assertThat(response.json().get("field").asText()).isEqualTo(field);
        if (type.equals("invalid-token-name")) {
            assertThat(response.json().get("detail").asText()).contains("lower-case letters a-z, digits and '-'");
        }
    }

    @Test
    void aNameInUseByAnActiveIssuedOrConfiguredTokenIsA409NamingTheField() {
        String name = ApiClient.uniqueId("grace");
        assertThat(issue(name, "responder").status()).isEqualTo(201);

        for (String taken : List.of(name, "test-responder")) {
            var refused = issue(taken, "admin");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.json().get("type").asText()).isEqualTo("/problems/token-name-taken");
            assertThat(refused.json().get("field").asText()).isEqualTo("name");
        }
    }

    /**
     * Two admins issuing the same name at the same moment: one gets the token, the other a 409, and the table and the
     * event store agree on a single issue.
     */
    @Test
    void theSameNameIssuedTwiceAtOnceIsIssuedOnceWithOneRowAndOneEvent() throws Exception {
        String name = ApiClient.uniqueId("heidi");
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<ApiClient.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return issue(name, "responder");
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var call : calls) {
                var response = call.get(60, java.util.concurrent.TimeUnit.SECONDS);
                statuses.add(response.status());
                if (response.status() != 201) {
                    assertThat(response.json().get("type").asText()).as(response.toString())
                            .isEqualTo("/problems/token-name-taken");
                }
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM access_token WHERE name = ?", Integer.class, name))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?",
                Integer.class, "access-token:" + name)).isEqualTo(1);
    }

    @Test
    void aConfiguredTokenCannotBeRevokedAtRunTimeAndTheProblemSaysWhereItIsRemoved() {
        var refused = api.call("DELETE", TOKENS + "/test-responder").as(ADMIN).send();

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("type").asText()).isEqualTo("/problems/token-configured");
        assertThat(refused.json().get("field").asText()).isEqualTo("name");
        assertThat(refused.json().get("detail").asText()).contains("incident.security.tokens").contains("restart");
        assertThat(api.get("/api/v1/incidents").as(RESPONDER).send().status()).as("and it still works").isEqualTo(200);
    }

    @Test
    void revokingAnUnknownNameIsA404Problem() {
        for (String unknown : List.of(ApiClient.uniqueId("nobody"), "Not-A-Name")) {
            var response = api.call("DELETE", TOKENS + "/" + unknown).as(ADMIN).send();
            assertThat(response.status()).as(unknown).isEqualTo(404);
            assertThat(response.json().get("type").asText()).isEqualTo("/problems/token-not-found");
            assertThat(response.json().get("field").asText()).isEqualTo("name");
        }
    }

    private ApiClient.Response issue(String name, String role) {
        return api.post(TOKENS).as(ADMIN).json(Map.of("name", name, "role", role)).send();
    }

    private int declareWith(String token) {
        return api.post("/api/v1/incidents").as(token).json(Bodies.declaration(ApiClient.uniqueId("tok"))).send()
                .status();
    }

    private List<JsonNode> tokenEvents(String name) {
        List<JsonNode> found = new ArrayList<>();
        for (String type : List.of("AccessTokenIssued", "AccessTokenRevoked")) {
            api.get("/api/v1/audit/events?actor=test-admin&type=" + type + "&limit=500").as(AUDITOR).send().json()
                    .get("events").forEach(event -> {
                        if (event.get("payload").get("name").asText().equals(name)) {
                            found.add(event);
                        }
                    });
        }
        found.sort(java.util.Comparator.comparingLong(e -> e.get("position").asLong()));
        return found;
    }

    private static JsonNode byName(JsonNode list, String name) {
        JsonNode token = byNameOrNull(list, name);
        assertThat(token).as("token " + name + " in " + list).isNotNull();
        return token;
    }

    private static JsonNode byNameOrNull(JsonNode list, String name) {
        for (JsonNode token : list.get("tokens")) {
            if (token.get("name").asText().equals(name)) {
                return token;
            }
        }
        return null;
    }
}
