package io.incidenttimeline.projections.document;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;

/**
 * The documents a read model's batches committed last, in memory, so that the next batch about the same aggregate
 * need not read its row and parse its JSON again (live, every command's batch read its incident's whole document:
 * a third of the responder view's work). A document is only ever written together with its aggregate's progress, in
 * one transaction, so a kept document is the stored one exactly when the progress a batch reads for its aggregate is
 * the sequence the document was kept with; anything else (another node took the segment over and went on, a
 * generation was emptied) is a miss, and the row is read. Bounded: the documents of the incidents under way fit,
 * a replay's passing ones fall out.
 */
final class CommittedDocuments {

    static final int MAXIMUM_SIZE = 512;

    private record Key(DocumentTable<?> table, int generation, String documentId) {
    }

    private record Kept(String aggregateId, long sequence, Object document) {
    }

    private final Cache<Key, Kept> kept = Caffeine.newBuilder().maximumSize(MAXIMUM_SIZE).build();

    /** The document as committed, if it was kept after the aggregate's event at {@code storedSequence}. */
    @SuppressWarnings("unchecked")
    <D> Optional<D> find(DocumentTable<D> table, int generation, String documentId, String aggregateId,
                         Long storedSequence) {
        if (storedSequence == null) {
            return Optional.empty();
        }
        Kept found = kept.getIfPresent(new Key(table, generation, documentId));
        if (found == null || !found.aggregateId().equals(aggregateId) || found.sequence() != storedSequence) {
            return Optional.empty();
        }
        return Optional.of((D) found.document());
    }

    /** Keeps a document as a batch that applied its aggregate's events up to {@code sequence} committed it. */
    void keep(DocumentTable<?> table, int generation, String documentId, String aggregateId, long sequence,
              Object document) {
        kept.put(new Key(table, generation, documentId), new Kept(aggregateId, sequence, document));
    }

    void forgetAll() {
        kept.invalidateAll();
    }
}
