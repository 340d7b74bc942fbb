package io.incidenttimeline.api.bench;

import io.incidenttimeline.api.IncidentTimelineApplication;
import io.incidenttimeline.projections.runtime.ProjectionReplays;
import io.incidenttimeline.projections.runtime.ProjectionStatus;
import io.incidenttimeline.api.support.Sha256;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The application under measurement, started in this JVM on a free port exactly as {@code java -jar} would start it,
 * with one admin token. Two settings differ from production, both so that the figures measure the paths they name:
 * the command rate limit is lifted (it would cap the throughput figure at 600/min) and the audit chain is extended
 * hourly instead of every 10 s (its first run over a million generated events would otherwise compete with every
 * measurement after the generation; it is measured on its own in AuditBenchmark).
 */
final class BenchApp implements AutoCloseable {

    static final String TOKEN = "bench-admin-secret";
    static final List<String> PROJECTIONS = List.of("public-view", "audit-trail", "incident-metrics");

    final ConfigurableApplicationContext context;
    final BenchHttp http;
    final JdbcTemplate jdbc;

    BenchApp(Path dataDir, Map<String, String> database) {
        List<String> args = new ArrayList<>(List.of("--incident.data-dir=" + dataDir, "--server.port=0",
                "--logging.level.root=WARN", "--incident.audit.chain-interval=PT1H",
                "--incident.rate-limit.commands-per-minute=1000000000",
                "--incident.security.tokens[0].name=bench", "--incident.security.tokens[0].role=admin",
                "--incident.security.tokens[0].sha256=" + Sha256.hex(TOKEN)));
        database.forEach((key, value) -> args.add("--" + key + "=" + value));
        context = SpringApplication.run(IncidentTimelineApplication.class, args.toArray(String[]::new));
        http = new BenchHttp("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"), TOKEN);
        jdbc = context.getBean(JdbcTemplate.class);
    }

    long head() {
        Long head = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        return head == null ? 0 : head;
    }

    ProjectionStatus status(String projection) {
        return context.getBean(ProjectionReplays.class).status(projection);
    }

    /** Waits until every projection has handled every stored event. */
    void awaitProjections() {
        awaitProjections(PROJECTIONS);
    }

    void awaitProjections(List<String> names) {
        long head = head();
        long deadline = System.nanoTime() + 3_600_000_000_000L;
        for (String name : names) {
            while (true) {
                ProjectionStatus status = status(name);
                if (!status.state().equals("replaying") && status.position() != null && status.position() >= head) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(name + " did not catch up: " + status);
                }
                sleep(20);
            }
        }
    }

    /** Stops every event processor, so that what runs afterwards is only what a figure measures. */
    void stopProcessors() {
        context.getBean(EventProcessingConfiguration.class).eventProcessors().values().forEach(EventProcessor::shutDown);
    }

    /**
     * Rebuilds a projection through the admin API and returns the seconds from the request to the switch-over. A
     * processor stopped by {@link #stopProcessors()} is started first (a replay restarts only what it stopped itself);
     * the replay stops it again at once to reset its tokens.
     */
    double replay(String name) {
        int before = status(name).activeGeneration();
        awaitRetiredGenerationsDropped(name, before);
        long started = System.nanoTime();
        context.getBean(EventProcessingConfiguration.class).eventProcessor(name).ifPresent(EventProcessor::start);
        http.command("/api/v1/admin/projections/" + name + "/replay", null, 202);
        while (status(name).activeGeneration() == before) {
            sleep(10);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /**
     * Waits until the generations a previous replay retired are deleted (in the background, after a grace period): at
     * a million events that takes about a minute, which is not part of a rebuild and would share the cores with it.
     */
    void awaitRetiredGenerationsDropped(String name) {
        awaitRetiredGenerationsDropped(name, status(name).activeGeneration());
    }

    /** A table of each read model a replay of the group rebuilds: the public view's group holds the component history. */
    private static final Map<String, Map<String, String>> GROUP_TABLES = Map.of(
            "public-view", Map.of("public-view", "public_incident", "component-history", "component_history_incident"),
            "audit-trail", Map.of("audit-trail", "audit_event"));

    private void awaitRetiredGenerationsDropped(String name, int active) {
        long deadline = System.nanoTime() + 600_000_000_000L;
        GROUP_TABLES.get(name).forEach((readModel, table) -> {
            int generation = readModel.equals(name) ? active : status(readModel).activeGeneration();
            while (jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE generation <> ?", Long.class,
                    generation) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the retired generations of " + readModel + " were not deleted");
                }
                sleep(200);
            }
        });
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
