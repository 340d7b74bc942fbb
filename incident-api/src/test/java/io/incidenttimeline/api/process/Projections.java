package io.incidenttimeline.api.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The projections of a running application as its admin API reports them, and replays through that API. */
final class Projections {

    static final Duration WAIT = Duration.ofSeconds(60);

    private Projections() {
    }

    static JsonNode list(ApiClient api) {
        var response = api.get("/api/v1/admin/projections").as(ApiClient.ADMIN).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("projections");
    }

    static JsonNode named(JsonNode list, String name) {
        for (JsonNode projection : list) {
            if (projection.get("name").asText().equals(name)) {
                return projection;
            }
        }
        throw new AssertionError("no projection " + name + " in " + list);
    }

    /** Waits until every projection is live and has every event up to the head of the store. */
    static JsonNode awaitCaughtUp(ApiClient api) {
        return await(api, list -> Store.READ_MODELS.stream().map(name -> named(list, name)).allMatch(p ->
                p.get("state").asText().equals("live") && p.get("caughtUp").asBoolean()
                        && p.get("position").asLong() == p.get("head").asLong()), "every projection caught up");
    }

    static JsonNode await(ApiClient api, Predicate<JsonNode> expected, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode last = list(api);
        while (!expected.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what + "; last seen: " + last);
            }
            AppProcess.pause(Duration.ofMillis(100));
            last = list(api);
        }
        return last;
    }

    /**
     * Rebuilds every read model from the event store through {@code replayer} (another node's admin API may follow
     * it) and asserts the rebuilt rows equal the ones the live projections had built.
     */
    static void assertReplayRebuildsTheSame(ApiClient replayer, Store store) {
        JsonNode before = awaitCaughtUp(replayer);
        Map<String, List<Map<String, String>>> live = store.readModels();
        Map<String, Integer> generations = new HashMap<>();
        for (String name : Store.READ_MODELS) {
            generations.put(name, named(before, name).get("activeGeneration").asInt());
            var started = replayer.post("/api/v1/admin/projections/" + name + "/replay").as(ApiClient.ADMIN).send();
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
        }
        await(replayer, list -> Store.READ_MODELS.stream().allMatch(name -> {
            JsonNode p = named(list, name);
            return p.get("state").asText().equals("live") && p.get("activeGeneration").asInt() == generations.get(name) + 1
                    && p.get("caughtUp").asBoolean();
        }), "every projection rebuilt into its next generation");
        Map<String, List<Map<String, String>>> rebuilt = store.readModels();
        assertThat(rebuilt.keySet()).containsExactlyElementsOf(live.keySet());
        for (String table : live.keySet()) {
            assertThat(rebuilt.get(table)).as("table %s rebuilt by replay", table).isNotEmpty()
                    .containsExactlyElementsOf(live.get(table));
        }
    }
}
