package io.incidenttimeline.api.command;

import static io.incidenttimeline.api.support.ApiClient.RESPONDER;
import static io.incidenttimeline.api.support.ApiClient.uniqueId;
import static io.incidenttimeline.api.support.Bodies.declaration;
import static io.incidenttimeline.api.support.Bodies.update;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Many responders posting to one incident at once: every accepted update is stored, none is lost. */
class ConcurrentCommandsApiTest extends ApiIntegrationTest {

    @Test
    void concurrentUpdatesWithoutIfMatchAreAllKept() throws Exception {
        String incidentId = uniqueId("busy");
        assertThat(api.post("/api/v1/incidents").as(RESPONDER).json(declaration(incidentId)).send().status()).isEqualTo(201);
        int requests = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<ApiClient.Response> responses = new ArrayList<>();
        try {
            List<Future<ApiClient.Response>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String message = "update " + i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/v1/incidents/" + incidentId + "/updates").as(RESPONDER)
                            .json(update("monitoring", message)).send();
                }));
            }
            start.countDown();
            for (Future<ApiClient.Response> future : futures) {
                responses.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
        Set<Long> versions = new HashSet<>();
        responses.forEach(r -> versions.add(r.json().get("version").asLong()));
        assertThat(versions).hasSize(requests);

        JsonNode events = api.get("/api/v1/incidents/" + incidentId + "/events").as(RESPONDER).send().json().get("events");
        assertThat(events.size()).isEqualTo(2 + requests);
        Set<String> messages = new HashSet<>();
        events.forEach(e -> {
            if (e.get("type").asText().equals("UpdatePosted")) {
                messages.add(e.at("/payload/message").asText());
            }
        });
        for (int i = 0; i < requests; i++) {
            assertThat(messages).contains("update " + i);
        }
    }

    @Test
    void concurrentDeclarationsOfOneIdCreateOneIncident() throws Exception {
        String incidentId = uniqueId("race");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<ApiClient.Response>> futures = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/v1/incidents").as(RESPONDER).json(declaration(incidentId)).send();
                }));
            }
            start.countDown();
            for (Future<ApiClient.Response> future : futures) {
                statuses.add(future.get().status());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).containsOnly(201, 409);
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(api.get("/api/v1/incidents/" + incidentId + "/events").as(RESPONDER).send().json().get("events").size())
                .isEqualTo(2);
    }
}
