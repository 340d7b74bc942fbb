package io.incidenttimeline.projections.document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The documents of one table that a batch of events touches: each is read from its table at most once per batch (all
 * of the batch's at once when they are known up front) and folded in memory; at the end of the batch only the ones
 * that changed are written.
 */
final class PendingDocuments<T> {

    private final Function<Collection<String>, Map<String, T>> load;
    private final Map<String, T> stored = new HashMap<>();
    private final Map<String, T> current = new LinkedHashMap<>();

    PendingDocuments(Function<Collection<String>, Map<String, T>> load) {
        this.load = load;
    }

    /** Reads the documents of {@code ids} not read yet, with one call of the loader. */
    void preload(Collection<String> ids) {
        List<String> missing = ids.stream().filter(id -> !current.containsKey(id)).distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        Map<String, T> found = load.apply(missing);
        missing.forEach(id -> {
            stored.put(id, found.get(id));
            current.put(id, found.get(id));
        });
    }

    /** Whether the batch has the document already (read, adopted or put). */
    boolean has(String id) {
        return current.containsKey(id);
    }

    /** Takes {@code document} as the stored one, without reading the table: it is known to be what the row holds. */
    void adopt(String id, T document) {
        if (!current.containsKey(id)) {
            stored.put(id, document);
            current.put(id, document);
        }
    }

    /** The document as this batch has it so far, without reading it (null if there is none or it was not read). */
    T peek(String id) {
        return current.get(id);
    }

    /** The document as this batch has it so far (null if there is none). */
    T get(String id) {
        preload(List.of(id));
        return current.get(id);
    }

    void put(String id, T document) {
        get(id);
        current.put(id, document);
    }

    /** The documents the batch leaves different from their rows, in the order the batch first touched them. */
    List<DocumentChange<T>> changes() {
        List<DocumentChange<T>> changes = new ArrayList<>();
        current.forEach((id, document) -> {
            T before = stored.get(id);
            if (document != null && !Objects.equals(before, document)) {
                changes.add(new DocumentChange<>(before, document));
            }
        });
        return changes;
    }
}
