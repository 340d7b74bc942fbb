package io.incidenttimeline.projections.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A batch reads each document once, and writes only what it changed: new rows as inserts, changed ones as updates. */
class PendingDocumentsTest {

    private final Map<String, String> table = Map.of("a", "A1", "b", "B1");
    private final List<String> loaded = new ArrayList<>();
    private final PendingDocuments<String> documents = new PendingDocuments<>(id -> {
        loaded.add(id);
        return Optional.ofNullable(table.get(id));
    });

    @Test
    void eachDocumentIsReadOnceAndFoldedInMemory() {
        assertThat(documents.get("a")).isEqualTo("A1");
        documents.put("a", "A2");
        documents.put("a", documents.get("a") + "+");
        assertThat(documents.get("a")).isEqualTo("A2+");
        assertThat(documents.get("new")).isNull();
        documents.put("new", "N1");
        assertThat(loaded).containsExactly("a", "new");
    }

    @Test
    void onlyNewAndChangedDocumentsAreWritten() {
        documents.put("a", "A2");
        documents.put("b", "B1");
        documents.put("new", "N1");
        documents.get("untouched");

        assertThat(documents.inserts()).containsExactly("N1");
        assertThat(documents.updates()).containsExactly("A2");
        assertThat(documents.changed()).isTrue();
    }

    @Test
    void aBatchThatLeavesEveryDocumentAsItWasChangesNothing() {
        documents.put("a", "A2");
        documents.put("a", "A1");
        documents.get("b");
        documents.get("missing");

        assertThat(documents.inserts()).isEmpty();
        assertThat(documents.updates()).isEmpty();
        assertThat(documents.changed()).isFalse();
    }

    @Test
    void aNewDocumentAloneIsAChange() {
        documents.put("new", "N1");
        assertThat(documents.changed()).isTrue();
    }
}
