package io.incidenttimeline.api.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.process.IncidentScript.Command;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two application processes on one PostgreSQL database, as production runs them. They split every processor's segments,
 * each event reaches the read models exactly once whichever node handled it, commands for one incident sent to both
 * nodes at once lose nothing (the losers get 409 or 412), a replay started on one node rebuilds what both built, and
 * when one node is killed (kill -9: its claims are never released) the other takes over its segments within the claim
 * timeout and goes on projecting.
 */
class MultiNodeProcessIT {

    private static final String A = "node-a";
    private static final String B = "node-b";
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(6);
    private static final Duration CLAIM_INTERVAL = Duration.ofSeconds(1);
    private static final int INCIDENTS = 30;

    @Test
    void twoNodesShareTheWorkAndOneTakesOverWhenTheOtherIsKilled() throws Exception {
        Map<String, String> database = TestDatabase.createPostgresDatabase();
        Store store = new Store(database);
        Path keyFile = signingKey();
        try (AppProcess nodeA = AppProcess.start("multi-node-a", Files.createTempDirectory("incident-a-"), node(A, database, keyFile));
             AppProcess nodeB = AppProcess.start("multi-node-b", Files.createTempDirectory("incident-b-"), node(B, database, keyFile))) {
            nodeA.awaitHealthy();
            nodeB.awaitHealthy();
            ApiClient a = nodeA.api();
            ApiClient b = nodeB.api();
            IncidentScript.defineComponent(a);

            Projections.await(a, MultiNodeProcessIT::splitEvenly, "the segments split between both nodes");
            List<Command> all = loadThroughBothNodes(a, b);
            String contested = "contested";
            assertThat(IncidentScript.of(contested).get(0).send(a).status()).isEqualTo(201);
            Set<String> accepted = new HashSet<>(raceOnOneIncident(a, b, contested, false));
            accepted.addAll(raceOnOneIncident(a, b, contested, true));
            assertContestedStream(store, contested, accepted);

            Projections.awaitCaughtUp(a);
            Projections.awaitCaughtUp(b);
            assertOneAuditRowPerEvent(store);
            CrashRecoveryProcessIT.assertEveryCommandStoredExactlyOnce(store, withContested(all, contested));
            Projections.assertReplayRebuildsTheSame(b, store);
            Projections.await(a, MultiNodeProcessIT::splitEvenly, "the segments split again after the replay");

            long killedAt = System.nanoTime();
            nodeB.kill();
            Projections.await(a, list -> ownedOnlyBy(list, A), "node-a owning every segment");
            Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
            Figures.report("two nodes (PostgreSQL)", String.format("%d commands through both nodes; segments split 2/2; "
                    + "after kill -9 of node-b, node-a owned all segments in %.1f s (claim timeout %d s, claim "
                    + "interval %d s)", all.size() + accepted.size() + 1, takeover.toMillis() / 1000.0,
                    CLAIM_TIMEOUT.toSeconds(), CLAIM_INTERVAL.toSeconds()));
            assertThat(takeover).as("takeover after kill -9").isLessThan(CLAIM_TIMEOUT.plus(CLAIM_INTERVAL).plusSeconds(4));

            for (Command command : IncidentScript.of("after-takeover")) {
                assertThat(command.send(a).status() / 100).as(command.key()).isEqualTo(2);
            }
            Projections.awaitCaughtUp(a);
            assertThat(a.get("/api/public/v1/incidents/after-takeover").send().body()).contains("Resolved for good");
            assertOneAuditRowPerEvent(store);
            Projections.assertReplayRebuildsTheSame(a, store);

            assertThat(a.post("/api/v1/audit/checkpoints").as(ApiClient.ADMIN).send().status()).isEqualTo(201);
            JsonNode verified = a.get("/api/v1/audit/verify").as(ApiClient.AUDITOR).send().json();
            assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
            assertThat(verified.get("checkpointsVerified").asLong()).isPositive();
        }
    }

    private static Map<String, String> node(String name, Map<String, String> database, Path keyFile) {
        Map<String, String> properties = new LinkedHashMap<>(database);
        properties.put("incident.processing.node-name", name);
        properties.put("incident.processing.claim-timeout", "PT" + CLAIM_TIMEOUT.toSeconds() + "S");
        properties.put("incident.processing.claim-interval", "PT" + CLAIM_INTERVAL.toSeconds() + "S");
        properties.put("incident.audit.signing-key-file", keyFile.toString());
        properties.put("incident.rate-limit.overrides.test-responder", "1000000");
        return properties;
    }

    /** Every node signs checkpoints with the same key, or the other's checkpoints would not verify. */
    private static Path signingKey() throws Exception {
        byte[] pkcs8 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded();
        Path file = Files.createTempFile("incident-signing-key-", ".pem");
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n");
        return file;
    }

    /** The incidents' commands, each incident's in order, alternating between the nodes, from six clients at once. */
    private static List<Command> loadThroughBothNodes(ApiClient a, ApiClient b) throws Exception {
        List<Command> all = new ArrayList<>();
        List<List<Command>> scripts = new ArrayList<>();
        for (int i = 0; i < INCIDENTS; i++) {
            List<Command> script = IncidentScript.of("shared-" + i);
            scripts.add(script);
            all.addAll(script);
        }
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < scripts.size(); i++) {
                List<Command> script = scripts.get(i);
                int offset = i;
                running.add(clients.submit(() -> {
                    for (int step = 0; step < script.size(); step++) {
                        ApiClient node = (offset + step) % 2 == 0 ? a : b;
                        var response = script.get(step).send(node);
                        assertThat(response.status() / 100).as("%s: %s", script.get(step).key(), response).isEqualTo(2);
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get(5, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
        return all;
    }

    /**
     * Sixteen updates to one incident at once, half through each node; with {@code ifMatch}, all carry the same version.
     * Returns the update ids that were accepted.
     */
    private static List<String> raceOnOneIncident(ApiClient a, ApiClient b, String incident, boolean ifMatch)
            throws Exception {
        String version = ifMatch ? "\"" + (events(a, incident).size() - 1) + "\"" : null;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService racers = Executors.newFixedThreadPool(16);
        Map<String, Future<ApiClient.Response>> sent = new LinkedHashMap<>();
        try {
            for (int i = 0; i < 16; i++) {
                String updateId = (ifMatch ? "if-match-" : "race-") + i;
                ApiClient node = i % 2 == 0 ? a : b;
                sent.put(updateId, racers.submit(() -> {
                    var call = node.post("/api/v1/incidents/" + incident + "/updates").as(ApiClient.RESPONDER)
                            .json(Map.of("status", "identified", "message", "Racing " + updateId,
                                    "visibility", "public", "updateId", updateId));
                    if (version != null) {
                        call.header("If-Match", version);
                    }
                    start.await();
                    return call.send();
                }));
            }
            start.countDown();
            List<String> accepted = new ArrayList<>();
            Map<Integer, Integer> statuses = new HashMap<>();
            for (var entry : sent.entrySet()) {
                ApiClient.Response response = entry.getValue().get(2, TimeUnit.MINUTES);
                statuses.merge(response.status(), 1, Integer::sum);
                if (response.status() == 201) {
                    accepted.add(entry.getKey());
                } else {
                    assertThat(response.status()).as(response.toString()).isIn(409, 412);
                    assertThat(response.json().get("type").asText()).as(response.toString())
                            .isIn("/problems/concurrent-modification", "/problems/version-mismatch");
                }
            }
            Figures.report("two nodes (PostgreSQL)", "16 concurrent updates to one incident through both nodes"
                    + (ifMatch ? " with one If-Match version" : " without If-Match") + ": " + statuses);
            if (ifMatch) {
                assertThat(accepted).as("exactly one update wins the version").hasSize(1);
            } else {
                assertThat(accepted).isNotEmpty();
            }
            return accepted;
        } finally {
            racers.shutdownNow();
        }
    }

    /** The contested incident's stream: numbered without a hole, every accepted update once, nothing else. */
    private static void assertContestedStream(Store store, String incident, Set<String> accepted) {
        List<Store.Event> events = store.events().stream().filter(e -> e.aggregateId().equals(incident)).toList();
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).sequence()).isEqualTo(i);
        }
        List<String> posted = events.stream().filter(e -> e.type().equals("UpdatePosted"))
                .map(e -> e.payload().get("updateId").asText()).toList();
        Set<String> expected = new HashSet<>(accepted);
        expected.add("u0");
        assertThat(posted).hasSameSizeAs(expected).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** The load's commands plus the contested incident's declaration, which carried an Idempotency-Key too. */
    private static List<Command> withContested(List<Command> all, String contested) {
        List<Command> commands = new ArrayList<>(all);
        commands.add(IncidentScript.of(contested).get(0));
        return commands;
    }

    private static List<JsonNode> events(ApiClient api, String incident) {
        List<JsonNode> events = new ArrayList<>();
        api.get("/api/v1/incidents/" + incident + "/events").as(ApiClient.RESPONDER).send().json().get("events")
                .forEach(events::add);
        return events;
    }

    private static void assertOneAuditRowPerEvent(Store store) {
        assertThat(store.count("SELECT COUNT(*) FROM audit_event WHERE generation = (SELECT active_generation FROM "
                + "projection_generation WHERE projection = 'audit-trail')"))
                .isEqualTo(store.count("SELECT COUNT(*) FROM DomainEventEntry"));
    }

    private static Map<String, Long> owners(JsonNode projection) {
        List<String> owners = new ArrayList<>();
        projection.get("segments").forEach(s -> owners.add(s.get("owner").isNull() ? "nobody" : s.get("owner").asText()));
        return owners.stream().collect(Collectors.groupingBy(o -> o, Collectors.counting()));
    }

    private static boolean splitEvenly(JsonNode list) {
        return Map.of(A, 2L, B, 2L).equals(owners(Projections.named(list, "public-view")))
                && Map.of(A, 2L, B, 2L).equals(owners(Projections.named(list, "incident-metrics")))
                && Set.of(A, B).containsAll(owners(Projections.named(list, "audit-trail")).keySet());
    }

    private static boolean ownedOnlyBy(JsonNode list, String node) {
        return Store.READ_MODELS.stream().allMatch(name -> owners(Projections.named(list, name)).keySet().equals(Set.of(node)));
    }
}
