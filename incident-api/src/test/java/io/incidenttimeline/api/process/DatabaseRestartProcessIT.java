package io.incidenttimeline.api.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.api.support.ApiClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The database goes down hard (every backend killed) and comes back while four clients keep sending commands. Every
 * command in between is answered 503 problem+json with Retry-After within the connection timeout, never a 500 and
 * never a hang; the application recovers by itself; a retry with the same Idempotency-Key stores the command exactly
 * once; the projections and the audit chain carry on past the outage. The server is a private one (see
 * {@link PrivatePostgres}): stopping the shared one would break the tests running beside this one.
 */
class DatabaseRestartProcessIT {

    private static final int CLIENTS = 4;
    private static final Duration BEFORE = Duration.ofSeconds(3);
    private static final Duration DOWN = Duration.ofSeconds(6);
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);

    private record Sent(String incident, String key, String updateId, long startedNanos, long millis,
                        ApiClient.Response response) {
    }

    private final Queue<Sent> sent = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean stop = new AtomicBoolean();

    @Test
    void commandsFailCleanlyWhileTheDatabaseRestartsAndEverythingRecoversByItself() throws Exception {
        try (PrivatePostgres postgres = PrivatePostgres.create()) {
            Map<String, String> properties = new LinkedHashMap<>(postgres.createDatabase("incident_restart"));
            properties.put("incident.processing.node-name", "restart-node");
            properties.put("incident.rate-limit.overrides.test-responder", "1000000");
            Store store = new Store(properties);
            try (AppProcess app = AppProcess.start("database-restart", Files.createTempDirectory("incident-restart-"),
                    properties).awaitHealthy()) {
                ApiClient api = app.api();
                IncidentScript.defineComponent(api);
                List<String> incidents = new ArrayList<>();
                for (int c = 0; c < CLIENTS; c++) {
                    incidents.add("outage-" + c);
                    assertThat(IncidentScript.of("outage-" + c).get(0).send(api).status()).isEqualTo(201);
                }

                ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
                List<Future<?>> running = new ArrayList<>();
                long downAt;
                long upAt;
                try {
                    for (String incident : incidents) {
                        running.add(clients.submit(() -> {
                            keepPosting(api, incident);
                            return null;
                        }));
                    }
                    AppProcess.pause(BEFORE);
                    downAt = System.nanoTime();
                    postgres.crash();
                    AppProcess.pause(DOWN);
                    var health = api.get("/actuator/health").send();
                    assertThat(health.status()).as("health while the database is down: %s", health).isEqualTo(503);
                    assertThat(health.json().get("status").asText()).isEqualTo("DOWN");
                    postgres.start();
                    upAt = System.nanoTime();
                    awaitAcceptedAfter(upAt, running);
                } finally {
                    stop.set(true);
                    clients.shutdown();
                }
                for (Future<?> client : running) {
                    client.get(2, TimeUnit.MINUTES);
                }

                List<Sent> refused = sent.stream().filter(s -> s.response().status() != 201).toList();
                assertThat(refused).as("commands refused while the database was down").isNotEmpty();
                for (Sent s : refused) {
                    ApiClient.Response response = s.response();
                    assertThat(response.status()).as("%s: %s", s.key(), response).isEqualTo(503);
                    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
                    assertThat(response.json().get("type").asText()).isEqualTo("/problems/storage-unavailable");
                    assertThat(response.header("Retry-After")).isEqualTo("5");
                    assertThat(s.millis()).as("%s answered within the connection timeout", s.key())
                            .isLessThan(CONNECTION_TIMEOUT.plusSeconds(3).toMillis());
                }
                long firstAccepted = sent.stream().filter(s -> s.response().status() == 201 && s.startedNanos() > upAt)
                        .mapToLong(Sent::startedNanos).min().orElseThrow();
                long slowest = refused.stream().mapToLong(Sent::millis).max().orElse(0);

                int replayed = 0;
                for (Sent s : refused) {
                    var retry = update(api, s.incident(), s.key(), s.updateId());
                    assertThat(retry.status()).as("retry of %s: %s", s.key(), retry).isEqualTo(201);
                    if ("true".equals(retry.header("Idempotent-Replayed"))) {
                        replayed++;
                    }
                }
                Figures.report("database restart (PostgreSQL)", String.format("%d commands, %d answered 503 while "
                                + "the database was down (%.1f s) or starting, the slowest 503 in %d ms; the first "
                                + "command accepted %.1f s after the database was back; %d retries with the same "
                                + "Idempotency-Key stored them once (%d had been stored before the connection broke)",
                        sent.size(), refused.size(), (upAt - downAt) / 1e9, slowest, (firstAccepted - upAt) / 1e9,
                        refused.size(), replayed));

                Map<String, List<String>> stored = store.typesByKey();
                for (Sent s : sent) {
                    assertThat(stored.get(s.key())).as("events of %s", s.key()).isEqualTo(List.of("UpdatePosted"));
                }
                Projections.awaitCaughtUp(api);
                for (String incident : incidents) {
                    String last = sent.stream().filter(s -> s.incident().equals(incident))
                            .reduce((first, second) -> second).orElseThrow().updateId();
                    assertThat(api.get("/api/public/v1/incidents/" + incident).send().body())
                            .contains("Still degraded (" + last + ")");
                }
                assertAuditChainResumed(api, store);
            }
        }
    }

    /** Posts updates one after the other until told to stop; a refused one is left for the retry at the end. */
    private void keepPosting(ApiClient api, String incident) {
        for (int n = 1; !stop.get(); n++) {
            String updateId = "p" + n;
            String key = incident + "-" + updateId;
            long started = System.nanoTime();
            ApiClient.Response response = update(api, incident, key, updateId);
            sent.add(new Sent(incident, key, updateId, started, (System.nanoTime() - started) / 1_000_000, response));
            AppProcess.pause(Duration.ofMillis(25));
        }
    }

    private static ApiClient.Response update(ApiClient api, String incident, String key, String updateId) {
        return api.post("/api/v1/incidents/" + incident + "/updates").as(ApiClient.RESPONDER)
                .header("Idempotency-Key", key).json(Map.of("status", "identified",
                        "message", "Still degraded (" + updateId + ")", "visibility", "public", "updateId", updateId))
                .send();
    }

    private void awaitAcceptedAfter(long upAt, List<Future<?>> clients) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (sent.stream().filter(s -> s.startedNanos() > upAt && s.response().status() == 201)
                .map(Sent::incident).distinct().count() < CLIENTS) {
            for (Future<?> client : clients) {
                if (client.isDone()) {
                    client.get();
                }
            }
            assertThat(System.nanoTime()).as("every client accepted again within 60 s of the restart").isLessThan(deadline);
            AppProcess.pause(Duration.ofMillis(100));
        }
        AppProcess.pause(Duration.ofSeconds(1));
    }

    /** The chain passes the outage's gaps once they have settled and reaches the newest event; it verifies intact. */
    private static void assertAuditChainResumed(ApiClient api, Store store) {
        long head = store.count("SELECT MAX(globalIndex) FROM DomainEventEntry");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long position;
        do {
            var checkpoint = api.post("/api/v1/audit/checkpoints").as(ApiClient.ADMIN).send();
            assertThat(checkpoint.status()).as(checkpoint.toString()).isEqualTo(201);
            position = checkpoint.json().at("/checkpoint/position").asLong();
            if (position < head) {
                AppProcess.pause(Duration.ofMillis(500));
            }
        } while (position < head && System.nanoTime() < deadline);
        assertThat(position).as("the signed chain reaches the newest event").isEqualTo(head);
        JsonNode verified = api.get("/api/v1/audit/verify").as(ApiClient.AUDITOR).send().json();
        assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
    }
}
