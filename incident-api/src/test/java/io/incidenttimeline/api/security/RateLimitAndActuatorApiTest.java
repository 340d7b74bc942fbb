package io.incidenttimeline.api.security;

import static io.incidenttimeline.api.support.ApiClient.ADMIN;
import static io.incidenttimeline.api.support.ApiClient.AUDITOR;
import static io.incidenttimeline.api.support.ApiClient.RESPONDER;
import static io.incidenttimeline.api.support.ApiClient.uniqueId;
import static io.incidenttimeline.api.support.Bodies.declaration;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

/** Commands are rate limited per token; the actuator shows only health to the public. */
class RateLimitAndActuatorApiTest extends ApiIntegrationTest {

    private static final String LIMITED = "limited-secret";

    @Test
    void aTokenOverItsCommandLimitGets429WithRetryAfterWhileOthersAndReadsGoOn() {
        String id = uniqueId("rl");
        assertThat(api.post("/api/v1/incidents").as(LIMITED).json(declaration(id)).send().status()).isEqualTo(201);
        assertThat(api.post("/api/v1/incidents").as(LIMITED).json(declaration(uniqueId("rl"))).send().status()).isEqualTo(201);
        assertThat(api.post("/api/v1/incidents").as(LIMITED).json(declaration(uniqueId("rl"))).send().status()).isEqualTo(201);
        var limited = api.post("/api/v1/incidents").as(LIMITED).json(declaration(uniqueId("rl"))).send();
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("type").asText()).isEqualTo("/problems/rate-limited");
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 60);

        assertThat(api.get("/api/v1/incidents/" + id + "/events").as(LIMITED).send().status()).isEqualTo(200);
        assertThat(api.post("/api/v1/incidents").as(RESPONDER).json(declaration(uniqueId("rl"))).send().status()).isEqualTo(201);
    }

    @Test
    void healthIsPublicWithoutDetailsAndMetricsNeedAnAdmin() {
        var health = api.get("/actuator/health").send();
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(health.json().has("components")).isFalse();
        assertThat(api.get("/actuator/health").as(ADMIN).send().json().has("components")).isTrue();

        assertThat(api.get("/actuator/prometheus").send().status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus").as(RESPONDER).send().status()).isEqualTo(403);
        assertThat(api.get("/actuator/prometheus").as(AUDITOR).send().status()).isEqualTo(403);
        var metrics = api.get("/actuator/prometheus").as(ADMIN).send();
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(api.get("/actuator/metrics").as(ADMIN).send().status()).isEqualTo(200);
    }
}
