package io.incidenttimeline.api.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.process.IncidentScript.Command;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.TestDatabase;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * kill -9 in the middle of 1,000 commands from eight clients, on PostgreSQL. The JVM gets no chance to finish a
 * request, commit or clean up. After the restart, every command that was answered 2xx has all its events in the store,
 * a command that got no answer is stored whole or not at all (and a retry with its Idempotency-Key stores it exactly
 * once), and the read models, built partly before the kill and partly after, equal what a replay builds.
 */
class CrashRecoveryProcessIT {

    private static final int INCIDENTS = 100;
    private static final int CLIENTS = 8;
    private static final int KILL_AFTER = 500;

    private final Map<String, Integer> answeredBeforeKill = new ConcurrentHashMap<>();
    private final Set<String> unanswered = ConcurrentHashMap.newKeySet();
    private final Map<String, ApiClient.Response> answeredAfterRestart = new ConcurrentHashMap<>();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final CountDownLatch parked = new CountDownLatch(CLIENTS);
    private final CountDownLatch restarted = new CountDownLatch(1);
    private final Set<Thread> parkedBy = ConcurrentHashMap.newKeySet();
    private volatile boolean killed;

    @Test
    void everyAcknowledgedCommandSurvivesAKillAndNothingIsHalfWritten() throws Exception {
        Map<String, String> database = TestDatabase.createPostgresDatabase();
        Store store = new Store(database);
        Map<String, String> properties = new LinkedHashMap<>(database);
        properties.put("incident.processing.node-name", "crash-node");
        properties.put("incident.rate-limit.overrides.test-responder", "1000000");
        List<Command> all = new ArrayList<>();
        List<List<Command>> perClient = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            perClient.add(new ArrayList<>());
        }
        for (int i = 0; i < INCIDENTS; i++) {
            List<Command> script = IncidentScript.of("crash-" + i);
            all.addAll(script);
            perClient.get(i % CLIENTS).addAll(script);
        }

        try (AppProcess app = AppProcess.start("crash-recovery", Files.createTempDirectory("incident-crash-"), properties)
                .awaitHealthy()) {
            ApiClient api = app.api();
            IncidentScript.defineComponent(api);
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> running = new ArrayList<>();
            try {
                for (List<Command> commands : perClient) {
                    running.add(clients.submit(() -> {
                        run(api, commands);
                        return null;
                    }));
                }
                while (acknowledged.get() < KILL_AFTER) {
                    AppProcess.pause(Duration.ofMillis(2));
                }
                killed = true;
                app.kill();
                assertThat(parked.await(60, TimeUnit.SECONDS)).as("every client noticed the kill").isTrue();

                Set<String> acked = answeredBeforeKill.entrySet().stream().filter(e -> e.getValue() / 100 == 2)
                        .map(Map.Entry::getKey).collect(Collectors.toSet());
                assertThat(answeredBeforeKill).as("answers other than 2xx before the kill")
                        .allSatisfy((key, status) -> assertThat(status / 100).isEqualTo(2));
                Set<String> committedUnanswered = assertStoreAfterKill(store, all, acked);

                app.restart().awaitHealthy();
                restarted.countDown();
                for (Future<?> client : running) {
                    client.get(5, TimeUnit.MINUTES);
                }
                Figures.report("kill -9 (PostgreSQL)", String.format("%d commands from %d clients, killed after %d "
                                + "acknowledged: acknowledged %d, found complete after the restart %d; unanswered %d "
                                + "(stored whole %d, not at all %d); half-written 0",
                        all.size(), CLIENTS, KILL_AFTER, acked.size(), acked.size(), unanswered.size(),
                        committedUnanswered.size(), unanswered.size() - committedUnanswered.size()));
                for (String key : committedUnanswered) {
                    assertThat(answeredAfterRestart.get(key).header("Idempotent-Replayed"))
                            .as("the retry of %s, stored before the kill, gets the stored answer", key).isEqualTo("true");
                }
            } finally {
                clients.shutdownNow();
            }

            assertEveryCommandStoredExactlyOnce(store, all);
            Projections.awaitCaughtUp(api);
            assertThat(store.count("SELECT COUNT(*) FROM audit_event WHERE generation = (SELECT active_generation FROM "
                    + "projection_generation WHERE projection = 'audit-trail')"))
                    .as("one audit trail row per stored event").isEqualTo(store.count("SELECT COUNT(*) FROM DomainEventEntry"));
            Projections.assertReplayRebuildsTheSame(api, store);
        }
    }

    /** Sends each command until it is answered: before the kill once, after the restart again if it got no answer. */
    private void run(ApiClient api, List<Command> commands) throws InterruptedException {
        try {
            send(api, commands);
        } finally {
            if (parkedBy.add(Thread.currentThread())) {
                parked.countDown();
            }
        }
    }

    /** A client that meets the kill parks until the restart (counted once in {@link #parked}), then goes on. */
    private void send(ApiClient api, List<Command> commands) throws InterruptedException {
        for (Command command : commands) {
            while (true) {
                boolean afterRestart = restarted.getCount() == 0;
                ApiClient.Response response;
                try {
                    response = command.send(api);
                } catch (UncheckedIOException noAnswer) {
                    if (!killed) {
                        throw noAnswer;
                    }
                    unanswered.add(command.key());
                    if (parkedBy.add(Thread.currentThread())) {
                        parked.countDown();
                    }
                    restarted.await();
                    continue;
                }
                if (afterRestart) {
                    answeredAfterRestart.put(command.key(), response);
                    assertThat(response.status() / 100).as("%s after the restart: %s", command.key(), response).isEqualTo(2);
                } else {
                    answeredBeforeKill.put(command.key(), response.status());
                    if (response.status() / 100 == 2) {
                        acknowledged.incrementAndGet();
                    }
                }
                break;
            }
        }
    }

    /**
     * The store as the kill left it: every acknowledged command whole, every unanswered one whole or absent, with its
     * idempotency record exactly when its events are there. Returns the unanswered commands that were stored.
     */
    private Set<String> assertStoreAfterKill(Store store, List<Command> all, Set<String> acked) {
        Map<String, List<String>> stored = store.typesByKey();
        Map<String, String> records = store.idempotencyRecords();
        Map<String, Command> byKey = all.stream().collect(Collectors.toMap(Command::key, c -> c));
        Set<String> sent = new HashSet<>(acked);
        sent.addAll(unanswered);
        assertThat(sent).containsAll(stored.keySet());
        for (String key : acked) {
            assertThat(stored.get(key)).as("events of acknowledged %s", key).isEqualTo(byKey.get(key).expectedTypes());
            assertThat(records.get(key)).as("idempotency record of acknowledged %s", key).isEqualTo("result");
        }
        Set<String> committed = new HashSet<>();
        for (String key : unanswered) {
            List<String> types = stored.get(key);
            if (types == null) {
                assertThat(records).as("no idempotency record for %s, which stored nothing", key).doesNotContainKey(key);
            } else {
                assertThat(types).as("events of unanswered %s: all or nothing", key)
                        .isEqualTo(byKey.get(key).expectedTypes());
                assertThat(records.get(key)).as("idempotency record of stored %s", key).isEqualTo("result");
                committed.add(key);
            }
        }
        return committed;
    }

    static void assertEveryCommandStoredExactlyOnce(Store store, List<Command> all) {
        Map<String, List<String>> stored = store.typesByKey();
        for (Command command : all) {
            assertThat(stored.get(command.key())).as("events of %s", command.key()).isEqualTo(command.expectedTypes());
        }
        assertThat(stored).hasSize(all.size());
        Map<String, List<Long>> sequences = new LinkedHashMap<>();
        store.events().forEach(e -> sequences.computeIfAbsent(e.aggregateId(), k -> new ArrayList<>()).add(e.sequence()));
        sequences.forEach((aggregate, numbers) -> {
            List<Long> contiguous = new ArrayList<>();
            for (long n = 0; n < numbers.size(); n++) {
                contiguous.add(n);
            }
            assertThat(numbers.stream().sorted().toList()).as("sequence numbers of %s", aggregate).isEqualTo(contiguous);
        });
    }
}
