package io.incidenttimeline.api.axon;

import static io.incidenttimeline.api.support.ApiClient.RESPONDER;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.api.IncidentTimelineApplication;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import io.incidenttimeline.api.support.TestDatabase;
import io.incidenttimeline.core.incident.Incident;
import io.incidenttimeline.core.incident.event.NextUpdateReminderRaised;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes on one event store (an H2 file of a temporary data directory, or a fresh PostgreSQL database under the
 * Maven profile postgres), each with its aggregate cache, talked to over HTTP. Node A caches an incident it handled;
 * node B then appends to it, which A cannot see; A's next command on it must be judged against what the store holds:
 * an append, a command that would change nothing on A's stale copy, a rule, If-Match, and a reminder A runs at a
 * deadline B scheduled. These start application instances of their own, which the shared test context cannot do.
 */
class TwoNodesAggregateCacheApiTest {

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext nodeA;
    private static ConfigurableApplicationContext nodeB;
    private static ApiClient a;
    private static ApiClient b;

    @BeforeAll
    static void startTwoNodes() {
        Map<String, String> database = TestDatabase.postgres() ? TestDatabase.createPostgresDatabase() : Map.of();
        nodeA = start("node-a", database, true);
        // only node A runs deadlines, so every reminder is judged by A's cache
        nodeB = start("node-b", database, false);
        a = ApiClient.onPort(port(nodeA));
        b = ApiClient.onPort(port(nodeB));
    }

    @AfterAll
    static void stopNodes() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    @Test
    void anUpdateOnNodeAAfterNodeBAppendedToTheIncidentACachedIsStoredAfterBs() {
        String id = ApiClient.uniqueId("cache-append");
        Incidents.declare(a, Bodies.declaration(id));
        assertThat(Incidents.post(a, id, update("on-a", "Found it.")).header("ETag")).isEqualTo("\"2\"");
        assertThat(Incidents.post(b, id, update("on-b", "Fixing it.")).header("ETag")).isEqualTo("\"3\"");

        var again = Incidents.post(a, id, update("on-a-again", "Fixed it."));

        assertThat(again.header("ETag")).isEqualTo("\"4\"");
        assertThat(payloadTypes(id)).containsExactly("IncidentDeclared", "UpdatePosted", "UpdatePosted", "UpdatePosted",
                "UpdatePosted");
    }

    @Test
    void aCommandThatChangesNothingOnNodeAsStaleCopyIsAppliedToWhatNodeBStored() {
        String id = ApiClient.uniqueId("cache-noop");
        Incidents.declare(a, Bodies.declaration(id)); // impact minor, cached on A
        impact(b, id, "major");

        var back = impact(a, id, "minor");

        assertThat(back.json().get("version").asLong()).as("A's copy still says minor; the store says major")
                .isEqualTo(3);
        assertThat(payloadTypes(id)).containsExactly("IncidentDeclared", "UpdatePosted", "ImpactChanged",
                "ImpactChanged");
    }

    @Test
    void aRuleOnNodeASeesTheUpdateNodeBPosted() {
        String id = ApiClient.uniqueId("cache-rule");
        Incidents.declare(a, Bodies.declaration(id));
        Incidents.post(b, id, update("posted-on-b", "We found the cause."));

        var amended = a.post("/api/v1/incidents/" + id + "/updates/posted-on-b/amendments").as(RESPONDER)
                .json(Map.of("message", "We found the cause: a full disk.", "reason", "more detail")).send();

        assertThat(amended.status()).as("A's copy has no update posted-on-b: %s", amended).isEqualTo(200);
        assertThat(amended.json().get("version").asLong()).isEqualTo(3);
    }

    @Test
    void ifMatchOnNodeAComparesWithTheVersionTheStoreHoldsBeforeAndAfterNodeBAppended() {
        String id = ApiClient.uniqueId("cache-if-match");
        Incidents.declare(a, Bodies.declaration(id));
        Incidents.post(a, id, update("first", "Looking.")); // "2", cached on A
        String current = Incidents.post(b, id, update("second", "Still looking.")).header("ETag"); // "3"

        var matching = ifMatch(a, id, current, "third");
        assertThat(matching.status()).as("B's ETag is current: %s", matching).isEqualTo(201);
        assertThat(matching.header("ETag")).isEqualTo("\"4\"");
        var replayed = ifMatch(a, id, current, "fourth");
        assertThat(replayed.status()).as(replayed.toString()).isEqualTo(412);
        assertThat(replayed.json().get("type").asText()).isEqualTo("/problems/version-mismatch");

        Incidents.post(b, id, update("fifth", "Mitigated.")); // "5"; A's copy says "4"
        var stale = ifMatch(a, id, matching.header("ETag"), "sixth");
        assertThat(stale.status()).as("the client's \"4\" is stale, as is A's copy: %s", stale).isEqualTo(412);
        assertThat(ifMatch(a, id, "\"5\"", "sixth").status()).isEqualTo(201);
        assertThat(payloadTypes(id)).hasSize(7);
    }

    @Test
    void aReminderNodeARunsForAPromiseNodeBMadeIsRaised() {
        String id = ApiClient.uniqueId("cache-reminder");
        // A caches the incident with a promise an hour ahead
        Incidents.declare(a, Bodies.with(Bodies.declaration(id), "nextUpdateDueAt",
                Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS).toString()));
        // B answers it with one due in ten seconds (due soon after five: the shared test lead time)
        Instant due = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
        Incidents.post(b, id, Bodies.with(update("renewed", "Next note in ten seconds."), "nextUpdateDueAt",
                due.toString()));

        List<NextUpdateReminderRaised> raised = Eventually.until(() -> reminders(id), r -> r.size() == 2,
                "A raised the due-soon and the overdue reminder of B's promise");

        assertThat(raised).extracting(NextUpdateReminderRaised::kind)
                .containsExactly(NextUpdateReminderRaised.DUE_SOON, NextUpdateReminderRaised.OVERDUE);
        assertThat(raised).allSatisfy(r -> assertThat(r.updateId()).isEqualTo("renewed"));
    }

    @Test
    void nodeASnapshotsTheIncidentItKeepsCachedAndNodeBLoadsItFromTheSnapshot() {
        String id = ApiClient.uniqueId("cache-snapshot");
        Incidents.declare(a, Bodies.declaration(id));
        for (int i = 0; i < 8; i++) { // the shared test configuration snapshots after 5 events
            Incidents.post(a, id, update("update-" + i, "Update " + i + "."));
        }
        Eventually.until(() -> firstOfStream(id), first -> first.getPayload() instanceof Incident,
                "a snapshot of the incident");

        var onB = Incidents.post(b, id, update("from-b", "Resolved on B."));

        assertThat(onB.header("ETag")).isEqualTo("\"10\"");
        assertThat(payloadTypes(id)).hasSize(11);
    }

    private static ConfigurableApplicationContext start(String node, Map<String, String> database,
                                                        boolean runsDeadlines) {
        List<String> args = new ArrayList<>(List.of("--spring.profiles.active=it", "--incident.data-dir=" + dataDir,
                "--server.port=0", "--incident.processing.node-name=" + node,
                "--incident.maintenance.auto-transition=" + runsDeadlines));
        database.forEach((key, value) -> args.add("--" + key + "=" + value));
        return new SpringApplicationBuilder(IncidentTimelineApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext app) {
        return ((ServletWebServerApplicationContext) app).getWebServer().getPort();
    }

    private static Map<String, Object> update(String updateId, String message) {
        return Bodies.with(Bodies.update("identified", message), "updateId", updateId);
    }

    private static ApiClient.Response impact(ApiClient node, String id, String impact) {
        return Incidents.command(node, "PUT", "/api/v1/incidents/" + id + "/impact",
                Map.of("impact", impact, "components", Map.of()));
    }

    private static ApiClient.Response ifMatch(ApiClient node, String id, String etag, String updateId) {
        return node.post("/api/v1/incidents/" + id + "/updates").as(RESPONDER).header("If-Match", etag)
                .json(update(updateId, "Update " + updateId + ".")).send();
    }

    /** The incident's events as stored, read through node A's event store. */
    private static List<String> payloadTypes(String id) {
        return nodeA.getBean(EventStore.class).readEvents(id, 0L).asStream()
                .map(DomainEventMessage::getPayloadType).map(Class::getSimpleName).toList();
    }

    private static List<NextUpdateReminderRaised> reminders(String id) {
        return nodeA.getBean(EventStore.class).readEvents(id, 0L).asStream().map(DomainEventMessage::getPayload)
                .filter(NextUpdateReminderRaised.class::isInstance).map(NextUpdateReminderRaised.class::cast).toList();
    }

    /** The snapshot, once there is one, or else the first event. */
    private static DomainEventMessage<?> firstOfStream(String id) {
        return nodeA.getBean(EventStore.class).readEvents(id).asStream().findFirst().orElseThrow();
    }
}
