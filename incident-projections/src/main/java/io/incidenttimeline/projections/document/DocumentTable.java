package io.incidenttimeline.projections.document;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The rows of one kind of document of a read model, one per document and generation. */
public interface DocumentTable<D> {

    /**
     * The document that events of this stream fold into, or null when this table keeps none for it. A batch reads the
     * documents of all its streams at once with it; events the table does not keep only cost a row that is not there.
     */
    String documentId(String aggregateType, String aggregateId);

    /** The stored documents of {@code generation} among {@code documentIds}, by id: one query for a whole batch. */
    Map<String, D> load(int generation, Collection<String> documentIds);

    /** Writes what a batch changed, in the batch's transaction. */
    void write(int generation, List<DocumentChange<D>> changes);

    void deleteGeneration(int generation);
}
