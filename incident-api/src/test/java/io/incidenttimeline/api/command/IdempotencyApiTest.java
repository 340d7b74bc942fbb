package io.incidenttimeline.api.command;

import static io.incidenttimeline.api.support.ApiClient.RESPONDER;
import static io.incidenttimeline.api.support.ApiClient.uniqueId;
import static io.incidenttimeline.api.support.Bodies.declaration;
import static io.incidenttimeline.api.support.Bodies.update;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries with an Idempotency-Key return the first response and never add events. */
class IdempotencyApiTest extends ApiIntegrationTest {

    private String incidentId;

    @BeforeEach
    void declare() {
        incidentId = uniqueId("idem");
        assertThat(api.post("/api/v1/incidents").as(RESPONDER).json(declaration(incidentId)).send().status()).isEqualTo(201);
    }

    @Test
    void theSameKeyAndBodyReturnsTheFirstResponseAndAddsNoEvent() {
        String key = uniqueId("key");
        var first = postUpdate(key, update("identified", "Found it."));
        var retry = postUpdate(key, update("identified", "Found it."));
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(eventCount()).isEqualTo(3);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String key = uniqueId("key");
        assertThat(postUpdate(key, update("identified", "Found it.")).status()).isEqualTo(201);
        var reused = postUpdate(key, update("identified", "Something else."));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("type").asText()).isEqualTo("/problems/idempotency-key-reused");
        assertThat(reused.json().get("field").asText()).isEqualTo("Idempotency-Key");
        assertThat(eventCount()).isEqualTo(3);
    }

    @Test
    void keysBelongToTheirCaller() {
        String key = uniqueId("key");
        assertThat(postUpdate(key, update("identified", "From the responder.")).status()).isEqualTo(201);
        var admin = api.post("/api/v1/incidents/" + incidentId + "/updates").as(ApiClient.ADMIN)
                .header("Idempotency-Key", key).json(update("identified", "From the admin.")).send();
        assertThat(admin.status()).isEqualTo(201);
        assertThat(eventCount()).isEqualTo(4);
    }

    @Test
    void aRefusalIsRememberedForItsKeyToo() {
        String key = uniqueId("key");
        var postMortem = Map.of("summary", "s", "rootCause", "r", "resolution", "x");
        var refused = api.put("/api/v1/incidents/" + incidentId + "/postmortem").as(RESPONDER)
                .header("Idempotency-Key", key).json(postMortem).send();
        assertThat(refused.status()).isEqualTo(409);
        assertThat(api.post("/api/v1/incidents/" + incidentId + "/updates").as(RESPONDER)
                .json(update("resolved", "Fixed.")).send().status()).isEqualTo(201);
        var retried = api.put("/api/v1/incidents/" + incidentId + "/postmortem").as(RESPONDER)
                .header("Idempotency-Key", key).json(postMortem).send();
        assertThat(retried.status()).isEqualTo(409);
        assertThat(retried.body()).isEqualTo(refused.body());
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void concurrentRequestsWithOneKeyProduceOneResult() throws Exception {
        String key = uniqueId("key");
        int requests = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<Future<ApiClient.Response>> responses = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                Callable<ApiClient.Response> call = () -> {
                    start.await();
                    return postUpdate(key, update("monitoring", "A fix is deployed."));
                };
                responses.add(pool.submit(call));
            }
            start.countDown();
            List<ApiClient.Response> results = new ArrayList<>();
            for (Future<ApiClient.Response> response : responses) {
                results.add(response.get());
            }
            assertThat(results).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
            assertThat(results).extracting(ApiClient.Response::body).containsOnly(results.get(0).body());
            assertThat(results).filteredOn(r -> r.header("Idempotent-Replayed") == null).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(eventCount()).isEqualTo(3);
    }

    @Test
    void malformedKeysAreRefused() {
        var response = postUpdate("x".repeat(256), update("identified", "m"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("field").asText()).isEqualTo("Idempotency-Key");
    }

    private ApiClient.Response postUpdate(String key, Object body) {
        return api.post("/api/v1/incidents/" + incidentId + "/updates").as(RESPONDER).header("Idempotency-Key", key)
                .json(body).send();
    }

    private int eventCount() {
        return api.get("/api/v1/incidents/" + incidentId + "/events").as(RESPONDER).send().json().get("events").size();
    }
}
