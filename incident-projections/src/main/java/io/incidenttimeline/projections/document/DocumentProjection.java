package io.incidenttimeline.projections.document;

import io.incidenttimeline.projections.runtime.AggregateProgress;
import io.incidenttimeline.projections.runtime.ProjectionGenerations;
import io.incidenttimeline.projections.support.BatchResources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * What every read model kept as one document per aggregate shares: a batch of events is folded into the generation
 * being written, each event exactly once (per-aggregate progress, see {@link AggregateProgress}), its documents are
 * read once per batch (all of them with one query per table when the batch's events are known up front, as in a
 * processor's batch, where the database gains from it: see {@link AggregateProgress#preloadsBatches()}) and only the changed ones are written, before the batch's transaction commits, together with the
 * processor's token. A batch that fails is rolled back and handled again with fresh state. On a reset the generation
 * being built is emptied. The documents a batch committed are kept in memory for the next batch about the same
 * aggregate ({@link CommittedDocuments}), which then takes them without reading their rows.
 */
public final class DocumentProjection {

    private final String name;
    private final ProjectionGenerations generations;
    private final AggregateProgress progress;
    private final List<DocumentTable<?>> tables;
    private final Runnable committedChange;
    private final CommittedDocuments committed = new CommittedDocuments();

    /**
     * @param committedChange run once a batch that changed a document has committed
     * @param tables          every table the read model keeps; {@link #fold} writes only into these
     */
    public DocumentProjection(String name, ProjectionGenerations generations, AggregateProgress progress,
                              Runnable committedChange, DocumentTable<?>... tables) {
        this.name = name;
        this.generations = generations;
        this.progress = progress;
        this.committedChange = committedChange;
        this.tables = List.of(tables);
    }

    /** The processing group whose read model this is. */
    public String name() {
        return name;
    }

    /**
     * Folds {@code event} into the document {@code documentId} of {@code table}, unless that event was applied before.
     * {@code fold} receives the document as it is (null if there is none) and returns it after the event (null: still
     * none).
     */
    public <D> void fold(DocumentTable<D> table, String documentId, DomainEventMessage<?> event, UnaryOperator<D> fold) {
        Batch batch = batch();
        String aggregateId = event.getAggregateIdentifier();
        if (!batch.progress.firstDelivery(aggregateId, event.getSequenceNumber())) {
            return;
        }
        PendingDocuments<D> documents = batch.documents(table);
        batch.adoptCommitted(table, documentId, aggregateId);
        D before = documents.get(documentId);
        D after = fold.apply(before);
        if (after != null && !after.equals(before)) {
            documents.put(documentId, after);
        }
    }

    /** Empties the generation a replay builds, before the replay refills it. */
    public void reset() {
        committed.forgetAll();
        var state = generations.current(name);
        if (state.replaying()) {
            deleteGeneration(state.building());
        }
    }

    public void deleteGeneration(int generation) {
        committed.forgetAll();
        tables.forEach(table -> table.deleteGeneration(generation));
        progress.deleteGeneration(name, generation);
    }

    private Batch batch() {
        return BatchResources.current(DocumentProjection.class.getName() + ":" + name, Batch::new, Batch::write,
                Batch::announce);
    }

    private final class Batch {

        private final int generation = generations.writeGeneration(name);
        private final AggregateProgress.Batch progress = DocumentProjection.this.progress.batch(name, generation);
        private final Map<DocumentTable<?>, PendingDocuments<?>> documents = new LinkedHashMap<>();
        /** Per table, the aggregate each document this batch touched belongs to. */
        private final Map<DocumentTable<?>, Map<String, String>> aggregates = new LinkedHashMap<>();
        private boolean changed;

        Batch() {
            if (DocumentProjection.this.progress.preloadsBatches()
                    && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> processorBatch) {
                preload(processorBatch.getMessages().stream()
                        .<DomainEventMessage<?>>mapMulti((message, events) -> {
                            if (message instanceof DomainEventMessage<?> event) {
                                events.accept(event);
                            }
                        }).toList());
            }
        }

        private void preload(List<DomainEventMessage<?>> events) {
            progress.preload(events.stream().map(DomainEventMessage::getAggregateIdentifier).toList());
            for (DocumentTable<?> table : tables) {
                List<String> unknown = new ArrayList<>();
                for (DomainEventMessage<?> event : events) {
                    String documentId = table.documentId(event.getType(), event.getAggregateIdentifier());
                    if (documentId != null && !adoptCommitted(table, documentId, event.getAggregateIdentifier())) {
                        unknown.add(documentId);
                    }
                }
                documents(table).preload(unknown);
            }
        }

        /**
         * Takes the document as the last batch about its aggregate committed it, if that is what the row holds; returns
         * whether the batch has it now without reading the row.
         */
        <D> boolean adoptCommitted(DocumentTable<D> table, String documentId, String aggregateId) {
            aggregates.computeIfAbsent(table, t -> new HashMap<>()).putIfAbsent(documentId, aggregateId);
            PendingDocuments<D> pending = documents(table);
            if (!pending.has(documentId)) {
                committed.find(table, generation, documentId, aggregateId, progress.stored(aggregateId))
                        .ifPresent(document -> pending.adopt(documentId, document));
            }
            return pending.has(documentId);
        }

        @SuppressWarnings("unchecked")
        <D> PendingDocuments<D> documents(DocumentTable<D> table) {
            if (!tables.contains(table)) {
                throw new IllegalArgumentException("a table " + name + " was not built with");
            }
            return (PendingDocuments<D>) documents.computeIfAbsent(table,
                    t -> new PendingDocuments<>(ids -> table.load(generation, ids)));
        }

        void write() {
            try {
                progress.write();
                documents.forEach(this::write);
            } catch (RuntimeException failed) {
                // the batch is handled again; it must read the rows, whatever this node kept of them
                committed.forgetAll();
                throw failed;
            }
        }

        @SuppressWarnings("unchecked")
        private <D> void write(DocumentTable<D> table, PendingDocuments<?> pending) {
            List<DocumentChange<D>> changes = ((PendingDocuments<D>) pending).changes();
            if (!changes.isEmpty()) {
                changed = true;
                table.write(generation, changes);
            }
        }

        void announce() {
            aggregates.forEach((table, byDocument) -> byDocument.forEach((documentId, aggregateId) -> {
                Object document = documents.get(table).peek(documentId);
                Long sequence = progress.applied(aggregateId);
                if (document != null && sequence != null) {
                    committed.keep(table, generation, documentId, aggregateId, sequence, document);
                }
            }));
            if (changed) {
                committedChange.run();
            }
        }
    }
}
