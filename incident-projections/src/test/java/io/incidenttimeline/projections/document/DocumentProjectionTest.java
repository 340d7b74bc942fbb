package io.incidenttimeline.projections.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidenttimeline.projections.runtime.AggregateProgress;
import io.incidenttimeline.projections.runtime.ProjectionGenerations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/** The skeleton against a real table: what a batch reads, what it writes, what it skips, and where it writes. */
class DocumentProjectionTest {

    /** A document that lists the events folded into it. */
    record Tally(String id, List<String> events) {

        static Tally fold(Tally state, String id, String event) {
            List<String> events = new ArrayList<>(state == null ? List.of() : state.events());
            events.add(event);
            return new Tally(id, List.copyOf(events));
        }
    }

    /** Counts what the skeleton asks of its table. */
    static final class CountingTable implements DocumentTable<Tally> {

        final List<Collection<String>> loads = new ArrayList<>();
        final List<List<DocumentChange<Tally>>> writes = new ArrayList<>();
        final JsonDocumentTable<Tally> table;

        CountingTable(JdbcTemplate jdbc) {
            table = new JsonDocumentTable<>(jdbc, "tally", "tally_id", Tally.class, Tally::id,
                    (type, aggregateId) -> "Tally".equals(type) ? aggregateId : null,
                    List.of(new JsonDocumentTable.Column<>("size", tally -> tally.events().size())));
        }

        @Override
        public String documentId(String aggregateType, String aggregateId) {
            return table.documentId(aggregateType, aggregateId);
        }

        @Override
        public Map<String, Tally> load(int generation, Collection<String> documentIds) {
            loads.add(List.copyOf(documentIds));
            return table.load(generation, documentIds);
        }

        @Override
        public void write(int generation, List<DocumentChange<Tally>> changes) {
            writes.add(changes);
            table.write(generation, changes);
        }

        @Override
        public void deleteGeneration(int generation) {
            table.deleteGeneration(generation);
        }
    }

    private JdbcTemplate jdbc;
    private ProjectionGenerations generations;
    private CountingTable table;
    private DocumentProjection projection;
    private int changes;

    @BeforeEach
    void createTables() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE projection_generation (projection VARCHAR(100) PRIMARY KEY, "
                + "active_generation INTEGER NOT NULL, building_generation INTEGER, "
                + "replay_started_at TIMESTAMP WITH TIME ZONE, replay_target_position BIGINT, "
                + "last_replay_completed_at TIMESTAMP WITH TIME ZONE)");
        jdbc.execute("CREATE TABLE projection_progress (projection VARCHAR(100) NOT NULL, generation INTEGER NOT NULL, "
                + "aggregate_id VARCHAR(255) NOT NULL, last_sequence BIGINT NOT NULL, "
                + "PRIMARY KEY (projection, generation, aggregate_id))");
        jdbc.execute("CREATE TABLE tally (generation INTEGER NOT NULL, tally_id VARCHAR(100) NOT NULL, "
                + "size INTEGER NOT NULL, document CLOB NOT NULL, PRIMARY KEY (generation, tally_id))");
        jdbc.update("INSERT INTO projection_generation (projection, active_generation) VALUES ('tallies', 1)");
        generations = new ProjectionGenerations(jdbc);
        table = new CountingTable(jdbc);
        projection = new DocumentProjection("tallies", generations, new AggregateProgress(jdbc, true), () -> changes++, table);
    }

    @Test
    void onH2ABatchReadsEachDocumentOnFirstUseInsteadOfAllAtOnce() {
        assertThat(new AggregateProgress(jdbc).preloadsBatches()).isFalse();
    }

    @Test
    void aBatchWithTwoEventsOfOneAggregateReadsAndWritesItsDocumentOnce() {
        handle(event("t-1", 0, "declared"), event("t-1", 1, "updated"));

        assertThat(table.loads).containsExactly(List.of("t-1"));
        assertThat(table.writes).hasSize(1);
        assertThat(table.writes.get(0)).containsExactly(
                new DocumentChange<>(null, new Tally("t-1", List.of("declared", "updated"))));
        assertThat(stored(1, "t-1")).isEqualTo(new Tally("t-1", List.of("declared", "updated")));
        assertThat(jdbc.queryForObject("SELECT size FROM tally WHERE tally_id = 't-1'", Integer.class)).isEqualTo(2);
        assertThat(changes).isEqualTo(1);
    }

    @Test
    void aBatchReadsTheDocumentsOfAllItsStreamsWithOneQuery() {
        handle(event("t-1", 0, "a"));
        handle(event("t-1", 1, "b"), event("t-2", 0, "c"), event("t-3", 0, "d"));

        // t-1 as the first batch committed it, from memory
        assertThat(table.loads).containsExactly(List.of("t-1"), List.of("t-2", "t-3"));
        assertThat(table.writes.get(1)).extracting(DocumentChange::inserted).containsExactly(false, true, true);
        assertThat(stored(1, "t-1").events()).containsExactly("a", "b");
        assertThat(jdbc.queryForObject("SELECT size FROM tally WHERE tally_id = 't-1'", Integer.class))
                .as("an update writes the columns beside the document too").isEqualTo(2);
    }

    @Test
    void theNextBatchAboutAnAggregateTakesItsDocumentAsTheLastBatchCommittedItWithoutReadingTheRow() {
        handle(event("t-1", 0, "declared"));
        handle(event("t-1", 1, "updated"));
        handle(event("t-1", 2, "resolved"));

        assertThat(table.loads).containsExactly(List.of("t-1"));
        assertThat(stored(1, "t-1").events()).containsExactly("declared", "updated", "resolved");
    }

    @Test
    void aDocumentAnotherNodeMovedOnIsReadFromItsRowAgain() {
        handle(event("t-1", 0, "declared"));
        // another node, holding the segment meanwhile, applied event 1
        BatchingUnitOfWork<DomainEventMessage<?>> elsewhere = new BatchingUnitOfWork<>(List.of(event("t-1", 1, "elsewhere")));
        DocumentProjection otherNode = new DocumentProjection("tallies", generations, new AggregateProgress(jdbc, true),
                () -> { }, table);
        elsewhere.execute(() -> otherNode.fold(table, "t-1", elsewhere.getMessage(),
                tally -> Tally.fold(tally, "t-1", "elsewhere")));

        handle(event("t-1", 2, "resolved"));

        assertThat(stored(1, "t-1").events()).containsExactly("declared", "elsewhere", "resolved");
    }

    @Test
    void aDocumentKeptInMemoryWhoseRowIsGoneFailsTheBatchAndTheRetryReadsTheRows() {
        handle(event("t-1", 0, "declared"));
        jdbc.update("DELETE FROM tally WHERE tally_id = 't-1'");

        assertThatThrownBy(() -> handleInTransaction(event("t-1", 1, "updated")))
                .hasMessageContaining("no row of tally t-1");
        handleInTransaction(event("t-1", 1, "updated"));

        assertThat(stored(1, "t-1").events()).containsExactly("updated");
    }

    @Test
    void anEventDeliveredAgainChangesNothing() {
        handle(event("t-1", 0, "declared"), event("t-1", 1, "updated"));
        handle(event("t-1", 1, "updated"), event("t-1", 2, "resolved"));
        handle(event("t-1", 2, "resolved"));

        assertThat(stored(1, "t-1").events()).containsExactly("declared", "updated", "resolved");
        assertThat(table.writes).hasSize(2);
        assertThat(changes).isEqualTo(2);
    }

    @Test
    void aBatchThatFailsWritesNothingAndIsHandledAgainWithFreshState() {
        BatchingUnitOfWork<DomainEventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(event("t-1", 0, "a")));
        assertThatThrownBy(() -> batch.execute(() -> {
            fold(batch.getMessage());
            throw new IllegalStateException("the read store went away");
        })).hasMessageContaining("went away");
        handle(event("t-1", 0, "a"));

        assertThat(stored(1, "t-1").events()).containsExactly("a");
    }

    @Test
    void duringAReplayEventsGoToTheGenerationBeingBuiltAndAResetEmptiesIt() {
        handle(event("t-1", 0, "live"));
        int building = generations.beginReplay("tallies", Instant.now()).orElseThrow();
        generations.tokensReset("tallies", building, 1);

        handle(event("t-1", 0, "live"));
        assertThat(stored(building, "t-1").events()).containsExactly("live");
        assertThat(stored(1, "t-1").events()).containsExactly("live");

        projection.reset();
        assertThat(stored(building, "t-1")).isNull();
        assertThat(stored(1, "t-1")).isNotNull();
        handle(event("t-1", 0, "live"));
        assertThat(stored(building, "t-1").events()).as("progress of the emptied generation is gone too")
                .containsExactly("live");
    }

    /** A read model on the skeleton, with nothing of its own but the skeleton. */
    private final class Tallies implements DocumentReadModel {

        @Override
        public DocumentProjection documents() {
            return projection;
        }
    }

    @Test
    void aReadModelOnTheSkeletonIsNamedAfterItAndAxonsResetEmptiesTheGenerationBeingBuilt() throws Exception {
        Tallies tallies = new Tallies();
        handle(event("t-1", 0, "live"));
        int building = generations.beginReplay("tallies", Instant.now()).orElseThrow();
        generations.tokensReset("tallies", building, 1);
        handle(event("t-1", 0, "live"));

        new AnnotationEventHandlerAdapter(tallies).prepareReset();

        assertThat(tallies.name()).isEqualTo("tallies");
        assertThat(stored(building, "t-1")).isNull();
        assertThat(stored(1, "t-1")).isNotNull();
        tallies.deleteGeneration(1);
        assertThat(stored(1, "t-1")).isNull();
    }

    private void handle(DomainEventMessage<?>... events) {
        BatchingUnitOfWork<DomainEventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(events));
        batch.execute(() -> fold(batch.getMessage()));
    }

    /** As a processor handles a batch: in a transaction of the batch's own, rolled back when it fails. */
    private void handleInTransaction(DomainEventMessage<?>... events) {
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(jdbc.getDataSource());
        BatchingUnitOfWork<DomainEventMessage<?>> batch = new BatchingUnitOfWork<>(List.of(events));
        batch.attachTransaction(() -> {
            TransactionStatus status = transactions.getTransaction(new DefaultTransactionDefinition());
            return new Transaction() {
                @Override
                public void commit() {
                    transactions.commit(status);
                }

                @Override
                public void rollback() {
                    transactions.rollback(status);
                }
            };
        });
        batch.execute(() -> fold(batch.getMessage()));
    }

    private void fold(DomainEventMessage<?> event) {
        projection.fold(table, event.getAggregateIdentifier(), event,
                tally -> Tally.fold(tally, event.getAggregateIdentifier(), (String) event.getPayload()));
    }

    private Tally stored(int generation, String id) {
        return table.table.load(generation, List.of(id)).get(id);
    }

    private static DomainEventMessage<?> event(String aggregateId, long sequence, String payload) {
        return new GenericDomainEventMessage<>("Tally", aggregateId, sequence, payload);
    }
}
