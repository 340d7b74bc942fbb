package io.incidenttimeline.api.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.storage.EmbeddedDatabaseLocation;
import io.incidenttimeline.api.support.ApiClient;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The embedded H2 store on a disk that fills up: the packaged jar with its data directory on a small tmpfs, which a
 * file fills to the last page while incidents are worked on. Health is DOWN while the disk is nearly full; every
 * command is carried out (201, 200) or answered 503 (or not at all), never a 500, and no page is a 500; at H2's first
 * failed write the application stops with a fatal message (H2 cannot be reopened safely in the same process). Started
 * again as a supervisor would, once the file is deleted, it is healthy and takes commands, and every command it
 * acknowledged is stored exactly once, also those retried with their Idempotency-Key after a 503 or a lost answer.
 */
class FullDiskProcessIT {

    private static final int DISK_MEGABYTES = 64;
    /** Health is DOWN below this much free space (incident.embedded-store.min-free-space), H2 still writes. */
    private static final int MIN_FREE_MEGABYTES = 24;
    private static final int INCIDENTS = 4;
    private static final Duration UNTIL_STOPPED = Duration.ofSeconds(30);
    private static final Duration RECOVERY = Duration.ofSeconds(60);

    /** A command's answer: its status, or 0 when the application stopped before answering. */
    private record Answer(IncidentScript.Command command, int status, boolean diskFull) {

        /** 201, or 200 for an amendment: the command was carried out. */
        boolean acknowledged() {
            return status == 200 || status == 201;
        }
    }

    /** Each incident's script and how far it got: the next command is sent once the one before was acknowledged. */
    private final Map<String, List<IncidentScript.Command>> scripts = new LinkedHashMap<>();
    private final Map<String, Integer> next = new LinkedHashMap<>();
    private final List<Answer> answers = new ArrayList<>();

    @Test
    void aFullDiskIsHealthDownAndNoErrorAnswerThenAFatalStopAndARestartLosesNothingAcknowledged() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(DISK_MEGABYTES)) {
            Path dataDir = disk.path().resolve("data");
            try (AppProcess app = AppProcess.start("full-disk", dataDir,
                    Map.of("incident.processing.node-name", "full-disk-node",
                            "incident.embedded-store.min-free-space", MIN_FREE_MEGABYTES + "MB")).awaitHealthy()) {
                ApiClient api = app.api();
                IncidentScript.defineComponent(api);
                for (int i = 0; i < INCIDENTS; i++) {
                    scripts.put("disk-" + i, IncidentScript.of("disk-" + i));
                    next.put("disk-" + i, 0);
                }
                sendRound(api, false);
                sendRound(api, false);
                assertThat(answers).allMatch(Answer::acknowledged);

                disk.fillLeaving(8L << 20);
                var health = api.get("/actuator/health").send();
                assertThat(health.status()).as(health.toString()).isEqualTo(503);
                assertThat(health.json().get("status").asText()).isEqualTo("DOWN");
                assertThat(api.get("/actuator/health").as(ApiClient.ADMIN).send().json()
                        .at("/components/embeddedStore/status").asText()).isEqualTo("DOWN");
                sendRound(api, false);
                assertThat(answers).as("a nearly full disk still takes commands").allMatch(Answer::acknowledged);

                disk.fill();

                long filled = System.nanoTime();
                while (app.alive()) {
                    assertThat(System.nanoTime() - filled).as("stopped within %s of the disk filling up", UNTIL_STOPPED)
                            .isLessThan(UNTIL_STOPPED.toNanos());
                    sendRound(api, true);
                    assertPagesAreNoErrors(api);
                    AppProcess.pause(Duration.ofMillis(50));
                }
                assertThat(app.logTail()).contains("FATAL: the embedded H2 database at")
                        .contains("exit status 75");

                disk.free();
                long freed = System.nanoTime();
                app.restart().awaitHealthy();
                double restartSeconds = (System.nanoTime() - freed) / 1e9;
                long deadline = freed + RECOVERY.toNanos();
                while (next.entrySet().stream().anyMatch(e -> e.getValue() < scripts.get(e.getKey()).size())) {
                    assertThat(System.nanoTime()).as("every script completed within %s of the restart; answers: %s",
                            RECOVERY, answers).isLessThan(deadline);
                    sendRound(api, false);
                }
                assertPagesAreNoErrors(api);
                Projections.awaitCaughtUp(api);
                Figures.report("full disk (H2 on a " + DISK_MEGABYTES + " MB tmpfs)", String.format("%d commands sent, "
                                + "%d acknowledged while the disk was full, %d answered 503 and %d not answered before "
                                + "the fatal stop; healthy %.1f s after the disk was freed and the jar started again; "
                                + "every acknowledged command stored once", answers.size(),
                        count(a -> a.diskFull() && a.acknowledged()), count(a -> a.status() == 503),
                        count(a -> a.status() == 0), restartSeconds));
                app.stop();
            }
            Store store = new Store(Map.of("spring.datasource.url",
                    "jdbc:h2:file:" + dataDir.resolve("incident-timeline") + EmbeddedDatabaseLocation.SETTINGS));
            Map<String, List<String>> stored = store.typesByKey();
            for (Answer answer : answers.stream().filter(Answer::acknowledged).toList()) {
                String key = answer.command().key();
                assertThat(stored.get(key)).as("events of %s, acknowledged%s", key,
                        answer.diskFull() ? " while the disk was full" : "")
                        .isEqualTo(answer.command().expectedTypes());
            }
        }
    }

    private long count(Predicate<Answer> which) {
        return answers.stream().filter(which).count();
    }

    /**
     * Sends each incident's next command once; one answered 503 or not at all is sent again (same Idempotency-Key) in
     * the next round.
     */
    private void sendRound(ApiClient api, boolean diskFull) {
        for (Map.Entry<String, List<IncidentScript.Command>> script : scripts.entrySet()) {
            int step = next.get(script.getKey());
            if (step == script.getValue().size()) {
                continue;
            }
            IncidentScript.Command command = script.getValue().get(step);
            ApiClient.Response response;
            try {
                response = command.send(api);
            } catch (UncheckedIOException stopped) {
                assertThat(diskFull).as("%s not answered: %s", command.key(), stopped).isTrue();
                answers.add(new Answer(command, 0, true));
                return;
            }
            answers.add(new Answer(command, response.status(), diskFull));
            assertThat(response.status()).as("%s: %s", command.key(), response).isIn(200, 201, 503);
            if (response.status() == 503) {
                assertThat(response.header("Content-Type")).startsWith("application/problem+json");
                assertThat(response.json().get("type").asText()).isEqualTo("/problems/storage-unavailable");
                assertThat(response.header("Retry-After")).isNotBlank();
            } else {
                next.put(script.getKey(), step + 1);
            }
        }
    }

    /**
     * The status page, an incident page, a feed and two public APIs: served, or a 503 of their own kind, never a 500
     * (nor anything else; no answer at all once the application has stopped).
     */
    private static void assertPagesAreNoErrors(ApiClient api) {
        for (String path : List.of("/", "/incidents/disk-0", "/history.atom", "/api/v2/summary.json",
                "/api/public/v1/incidents/disk-0")) {
            ApiClient.Response page;
            try {
                page = api.get(path).send();
            } catch (UncheckedIOException stopped) {
                return;
            }
            assertThat(page.status()).as("GET %s: %s", path, page).isIn(200, 503);
            if (page.status() == 503) {
                assertThat(page.header("Content-Type")).as("GET %s", path)
                        .startsWith(path.startsWith("/api/") ? "application/problem+json" : "text/html");
            }
        }
    }
}
