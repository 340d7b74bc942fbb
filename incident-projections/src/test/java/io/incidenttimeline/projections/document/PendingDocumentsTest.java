package io.incidenttimeline.projections.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A batch reads each document once, and writes only what it changed: new rows as inserts, changed ones as updates. */
class PendingDocumentsTest {

    private final Map<String, String> table = Map.of("a", "A1", "b", "B1");
    private final List<Collection<String>> loads = new ArrayList<>();
    private final PendingDocuments<String> documents = new PendingDocuments<>(ids -> {
        loads.add(List.copyOf(ids));
        Map<String, String> found = new HashMap<>();
        ids.forEach(id -> {
            if (table.containsKey(id)) {
                found.put(id, table.get(id));
            }
        });
        return found;
    });

    @Test
    void eachDocumentIsReadOnceAndFoldedInMemory() {
        assertThat(documents.get("a")).isEqualTo("A1");
        documents.put("a", "A2");
        documents.put("a", documents.get("a") + "+");
        assertThat(documents.get("a")).isEqualTo("A2+");
        assertThat(documents.get("new")).isNull();
        documents.put("new", "N1");
        assertThat(loads).containsExactly(List.of("a"), List.of("new"));
    }

    @Test
    void documentsKnownUpFrontAreReadWithOneLoad() {
        documents.preload(List.of("a", "b", "a", "missing"));
        documents.get("a");
        documents.get("missing");
        documents.preload(List.of("b", "c"));
        assertThat(loads).containsExactly(List.of("a", "b", "missing"), List.of("c"));
        assertThat(documents.get("b")).isEqualTo("B1");
    }

    @Test
    void onlyNewAndChangedDocumentsAreWritten() {
        documents.put("a", "A2");
        documents.put("b", "B1");
        documents.put("new", "N1");
        documents.get("untouched");

        assertThat(documents.changes()).containsExactly(new DocumentChange<>("A1", "A2"),
                new DocumentChange<>(null, "N1"));
    }

    @Test
    void aBatchThatLeavesEveryDocumentAsItWasChangesNothing() {
        documents.put("a", "A2");
        documents.put("a", "A1");
        documents.get("b");
        documents.get("missing");

        assertThat(documents.changes()).isEmpty();
    }
}
