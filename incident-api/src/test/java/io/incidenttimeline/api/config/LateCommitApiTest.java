package io.incidenttimeline.api.config;

import io.incidenttimeline.api.axon.AuditMetadata;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.projections.audit.chain.ChainExtender;
import io.incidenttimeline.api.support.ApiClient;
import io.incidenttimeline.api.support.ApiIntegrationTest;
import io.incidenttimeline.api.support.Bodies;
import io.incidenttimeline.api.support.Eventually;
import io.incidenttimeline.api.support.Incidents;
import io.incidenttimeline.core.incident.command.PostUpdate;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import io.incidenttimeline.projections.audit.AuditTrailProjection;
import io.incidenttimeline.projections.runtime.ProjectionGenerations;
import io.incidenttimeline.projections.support.ReadStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Concurrent appends where one transaction commits late must not make a processor skip its event (Axon issues 2771
 * and 4829): a command's transaction appends and stays open while other commands commit after it and every processor
 * moves past them; when it commits at last, every processor handles its events and every read model shows them.
 */
class LateCommitApiTest extends ApiIntegrationTest {

    private static final int LATER_COMMANDS = 3;

    @Autowired
    private CommandGateway commands;

    @Autowired
    private PlatformTransactionManager transactions;

    @Autowired
    private JdbcTemplate eventStore;

    @Autowired
    @ReadStore
    private JdbcTemplate readStore;

    @Autowired
    private EventProcessingConfiguration processing;

    @Autowired
    private ProjectionGenerations generations;

    @Autowired
    private ChainExtender auditChain;

    @Test
    void anEventCommittedAfterLaterOnesReachesEveryProcessorAndEveryReadModel() throws Exception {
        String late = ApiClient.uniqueId("late-commit");
        Incidents.declare(api, Bodies.declaration(late));
        List<String> incidents = new ArrayList<>(List.of(late));

        // The audit chain passes a gap older than its settle time (2 s in tests) for good; holding its lock keeps it
        // from chaining past the held events, which would leave them out of the shared store's chain.
        synchronized (auditChain) {
            HeldTransaction held = HeldTransaction.open(transactions, eventStore, () -> commands.sendAndWait(
                    new PostUpdate(late, "update-committed-last", IncidentStatus.RESOLVED, "Resolved; committed last.",
                            Visibility.PUBLIC, Map.of(), null, null, null, null), metadata()), late);
            Set<Long> heldPositions = held.awaitAppended();
            heldPositions.removeAll(positions(late));
            assertThat(heldPositions).as("the held command's own events").hasSize(2);

            for (int i = 0; i < LATER_COMMANDS; i++) {
                String other = ApiClient.uniqueId("committed-before");
                Incidents.declare(api, Bodies.declaration(other));
                incidents.add(other);
            }
            long newest = incidents.stream().skip(1).flatMap(id -> positions(id).stream()).mapToLong(Long::longValue)
                    .max().orElseThrow();
            assertThat(newest).isGreaterThan(heldPositions.stream().mapToLong(Long::longValue).max().orElseThrow());

            Eventually.until(this::tokens, tokens -> tokens.values().stream().allMatch(token ->
                    token.getIndex() >= newest && token.getGaps().containsAll(heldPositions)),
                    "every processor past the later events, keeping the held ones as gaps");
            assertThat(publicStatus(late)).as("not committed yet").isEqualTo("investigating");

            held.commit();
        }

        Eventually.until(this::tokens, tokens -> tokens.values().stream().noneMatch(token ->
                token.getGaps().stream().anyMatch(gap -> positions(late).contains(gap))),
                "every processor has handled the late events");
        assertThat(tokens()).as("processors checked").hasSizeGreaterThanOrEqualTo(3);
        assertThat(publicStatus(late)).isEqualTo("resolved");
        Set<Long> stored = incidents.stream().flatMap(id -> positions(id).stream())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(auditTrailPositions(incidents)).as("the audit trail holds every stored event").isEqualTo(stored);
        JsonNode metrics = api.get("/api/v1/incidents/" + late + "/metrics").as(ApiClient.AUDITOR).send().json();
        assertThat(metrics.get("resolvedAt").isNull()).as("metrics saw the resolution: " + metrics).isFalse();
        for (String id : incidents.subList(1, incidents.size())) {
            assertThat(publicStatus(id)).isEqualTo("investigating");
        }
        Eventually.until(() -> {
            auditChain.extend();
            return eventStore.queryForList("SELECT position FROM audit_chain_entry", Long.class);
        }, chained -> chained.containsAll(stored), "the audit chain through the late events");
    }

    /** The token of every streaming processor, by processor name. */
    private Map<String, GapAwareTrackingToken> tokens() {
        Map<String, GapAwareTrackingToken> tokens = new java.util.TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                for (EventTrackerStatus status : streaming.processingStatus().values()) {
                    WrappedToken.unwrap(status.getTrackingToken(), GapAwareTrackingToken.class)
                            .ifPresent(token -> tokens.merge(name, token, (a, b) -> a.getIndex() < b.getIndex() ? a : b));
                }
            }
        });
        return tokens;
    }

    private Set<Long> positions(String aggregateId) {
        return new TreeSet<>(eventStore.queryForList(
                "SELECT globalIndex FROM DomainEventEntry WHERE aggregateIdentifier = ?", Long.class, aggregateId));
    }

    private Set<Long> auditTrailPositions(List<String> incidents) {
        int generation = generations.readGeneration(AuditTrailProjection.NAME);
        Set<Long> positions = new TreeSet<>();
        for (String id : incidents) {
            positions.addAll(readStore.queryForList("SELECT global_position FROM audit_event "
                    + "WHERE generation = ? AND aggregate_id = ?", Long.class, generation, id));
        }
        return positions;
    }

    private String publicStatus(String incidentId) {
        var response = api.get("/api/public/v1/incidents/" + incidentId).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("status").asText();
    }

    private static MetaData metadata() {
        return MetaData.with(AuditMetadata.ACTOR, "late-committer").and(AuditMetadata.ROLE, "responder")
                .and(AuditMetadata.CHANNEL, "api").and(AuditMetadata.CORRELATION_ID, ApiClient.uniqueId("late"));
    }

    /** A command run in a transaction of its own that stays open, on another thread, until told to commit. */
    private static final class HeldTransaction {

        private final CountDownLatch appended = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private final CompletableFuture<Void> done;
        private volatile Set<Long> positions;

        private HeldTransaction(PlatformTransactionManager transactions, JdbcTemplate eventStore, Runnable command,
                                String aggregateId) {
            done = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                command.run();
                // inside the transaction its own uncommitted events are visible
                positions = new TreeSet<>(eventStore.queryForList(
                        "SELECT globalIndex FROM DomainEventEntry WHERE aggregateIdentifier = ?", Long.class, aggregateId));
                appended.countDown();
                try {
                    if (!release.await(60, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("never told to commit");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }));
        }

        static HeldTransaction open(PlatformTransactionManager transactions, JdbcTemplate eventStore, Runnable command,
                                    String aggregateId) {
            return new HeldTransaction(transactions, eventStore, command, aggregateId);
        }

        Set<Long> awaitAppended() throws Exception {
            if (!appended.await(30, TimeUnit.SECONDS)) {
                done.get(1, TimeUnit.SECONDS);
                throw new AssertionError("the held command did not append");
            }
            return new TreeSet<>(positions);
        }

        void commit() throws Exception {
            release.countDown();
            done.get(30, TimeUnit.SECONDS);
        }
    }
}
