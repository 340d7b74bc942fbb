package io.incidenttimeline.api.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Measures how fast each projection rebuilds from the embedded H2 store. A benchmark, not a test: it prints events/s
 * and asserts no timing. Run it with {@code mvn -B test -pl incident-api -am -Dtest=ReplayBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} (optionally {@code -Dreplay.incidents=600}).
 */
class ReplayBenchmark extends ApiIntegrationTest {

    @Test
    void replayThroughput() {
        int incidents = Integer.getInteger("replay.incidents", 300);
        for (int i = 0; i < incidents; i++) {
            String incident = ApiClient.uniqueId("bench");
            Incidents.declare(api, Bodies.declaration(incident));
            Incidents.post(api, incident, Bodies.update("identified", "Cause found"));
            Incidents.post(api, incident, Bodies.update("monitoring", "Fix deployed"));
            Incidents.post(api, incident, Bodies.update("resolved", "Resolved"));
        }
        for (String name : List.of("public-view", "audit-trail", "incident-metrics")) {
            JsonNode before = status(name);
            long started = System.nanoTime();
            assertThat(api.post("/api/v1/admin/projections/" + name + "/replay").as(ApiClient.ADMIN).send().status())
                    .isEqualTo(202);
            Eventually.until(() -> status(name), s -> s.get("activeGeneration").asInt()
                    == before.get("activeGeneration").asInt() + 1, name + " rebuilt");
            double seconds = (System.nanoTime() - started) / 1e9;
            long events = before.get("head").asLong();
            System.out.printf(Locale.ROOT, "REPLAY %s: %d events in %.2f s = %.0f events/s (POST to switch-over)%n",
                    name, events, seconds, events / seconds);
        }
    }

    private JsonNode status(String name) {
        for (JsonNode p : api.get("/api/v1/admin/projections").as(ApiClient.ADMIN).send().json().get("projections")) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no projection " + name);
    }
}
