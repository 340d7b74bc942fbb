package io.incidenttimeline.projections.document;

import io.incidenttimeline.projections.runtime.AggregateProgress;
import io.incidenttimeline.projections.runtime.ProjectionGenerations;
import io.incidenttimeline.projections.support.BatchResources;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * being built is emptied.
 */
public final class DocumentProjection {

    private final String name;
    private final ProjectionGenerations generations;
    private final AggregateProgress progress;
    private final List<DocumentTable<?>> tables;
    private final Runnable committedChange;

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
        if (!batch.progress.firstDelivery(event.getAggregateIdentifier(), event.getSequenceNumber())) {
            return;
        }
        PendingDocuments<D> documents = batch.documents(table);
        D before = documents.get(documentId);
        D after = fold.apply(before);
        if (after != null && !after.equals(before)) {
            documents.put(documentId, after);
        }
    }

    /** Empties the generation a replay builds, before the replay refills it. */
    public void reset() {
        var state = generations.current(name);
        if (state.replaying()) {
            deleteGeneration(state.building());
        }
    }

    public void deleteGeneration(int generation) {
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
                documents(table).preload(events.stream()
                        .map(event -> table.documentId(event.getType(), event.getAggregateIdentifier()))
                        .filter(Objects::nonNull).toList());
            }
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
            progress.write();
            documents.forEach(this::write);
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
            if (changed) {
                committedChange.run();
            }
        }
    }
}
