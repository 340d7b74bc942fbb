package io.incidenttimeline.projections.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The documents of one read model that a batch of events touches: each is read from its table at most once per batch
 * and folded in memory, and at the end of the batch only the ones that changed are written, as one JDBC batch of
 * inserts and one of updates.
 */
public final class PendingDocuments<T> {

    private final Function<String, Optional<T>> load;
    private final Map<String, T> stored = new HashMap<>();
    private final Map<String, T> current = new LinkedHashMap<>();

    public PendingDocuments(Function<String, Optional<T>> load) {
        this.load = load;
    }

    /** The document as this batch has it so far (null if there is none). */
    public T get(String id) {
        if (!current.containsKey(id)) {
            T fromTable = load.apply(id).orElse(null);
            stored.put(id, fromTable);
            current.put(id, fromTable);
        }
        return current.get(id);
    }

    public void put(String id, T document) {
        get(id);
        current.put(id, document);
    }

    /** Documents that have no row yet. */
    public List<T> inserts() {
        List<T> inserts = new ArrayList<>();
        current.forEach((id, document) -> {
            if (document != null && stored.get(id) == null) {
                inserts.add(document);
            }
        });
        return inserts;
    }

    /** Documents whose row must change. */
    public List<T> updates() {
        List<T> updates = new ArrayList<>();
        current.forEach((id, document) -> {
            T before = stored.get(id);
            if (document != null && before != null && !Objects.equals(before, document)) {
                updates.add(document);
            }
        });
        return updates;
    }

    /** Whether the batch leaves any document different from its row. */
    public boolean changed() {
        for (Map.Entry<String, T> entry : current.entrySet()) {
            if (entry.getValue() != null && !Objects.equals(stored.get(entry.getKey()), entry.getValue())) {
                return true;
            }
        }
        return false;
    }
}
