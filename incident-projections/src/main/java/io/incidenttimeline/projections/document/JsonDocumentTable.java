package io.incidenttimeline.projections.document;

import io.incidenttimeline.projections.support.ReadModelJson;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A table of JSON documents keyed by (generation, id), with the columns its queries select on written beside each
 * document. Loads a batch's documents with one IN query and writes them as one JDBC batch of updates and one of
 * inserts.
 */
public final class JsonDocumentTable<D> implements DocumentTable<D> {

    /** A column kept beside the document, computed from it. */
    public record Column<D>(String name, Function<D, Object> value) {
    }

    private final JdbcTemplate jdbc;
    private final String table;
    private final String idColumn;
    private final Class<D> type;
    private final Function<D, String> id;
    private final BiFunction<String, String, String> documentId;
    private final List<Column<D>> columns;

    /**
     * @param documentId the document a stream's events fold into, from the stream's aggregate type and identifier
     *                   (null for streams this table keeps nothing of)
     */
    public JsonDocumentTable(JdbcTemplate jdbc, String table, String idColumn, Class<D> type, Function<D, String> id,
                             BiFunction<String, String, String> documentId, List<Column<D>> columns) {
        this.jdbc = jdbc;
        this.table = table;
        this.idColumn = idColumn;
        this.type = type;
        this.id = id;
        this.documentId = documentId;
        this.columns = List.copyOf(columns);
    }

    @Override
    public String documentId(String aggregateType, String aggregateId) {
        return documentId.apply(aggregateType, aggregateId);
    }

    @Override
    public Map<String, D> load(int generation, Collection<String> documentIds) {
        if (documentIds.isEmpty()) {
            return Map.of();
        }
        List<Object> args = new ArrayList<>(documentIds.size() + 1);
        args.add(generation);
        args.addAll(documentIds);
        Map<String, D> found = new HashMap<>();
        jdbc.query("SELECT " + idColumn + ", document FROM " + table + " WHERE generation = ? AND " + idColumn
                + " IN (" + String.join(", ", Collections.nCopies(documentIds.size(), "?")) + ")",
                rs -> {
                    found.put(rs.getString(1), ReadModelJson.read(rs.getString(2), type));
                }, args.toArray());
        return found;
    }

    @Override
    public void write(int generation, List<DocumentChange<D>> changes) {
        List<Object[]> updates = changes.stream().filter(c -> !c.inserted()).map(c -> update(generation, c.after()))
                .toList();
        if (!updates.isEmpty()) {
            String set = columns.stream().map(c -> c.name() + " = ?, ").collect(Collectors.joining());
            int[] updated = jdbc.batchUpdate("UPDATE " + table + " SET " + set + "document = ? WHERE generation = ? AND "
                    + idColumn + " = ?", updates);
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] == 0) {
                    // the batch took the document from memory, but its row is gone: fail it, the retry reads the rows
                    throw new IllegalStateException("no row of " + table + " " + updates.get(i)[updates.get(i).length - 1]
                            + " in generation " + generation + " to update");
                }
            }
        }
        List<Object[]> inserts = changes.stream().filter(DocumentChange::inserted).map(c -> insert(generation, c.after()))
                .toList();
        if (!inserts.isEmpty()) {
            String names = columns.stream().map(c -> c.name() + ", ").collect(Collectors.joining());
            jdbc.batchUpdate("INSERT INTO " + table + " (generation, " + idColumn + ", " + names + "document) VALUES ("
                    + String.join(", ", Collections.nCopies(columns.size() + 3, "?")) + ")", inserts);
        }
    }

    private Object[] update(int generation, D document) {
        List<Object> values = new ArrayList<>();
        columns.forEach(c -> values.add(c.value().apply(document)));
        values.add(ReadModelJson.write(document));
        values.add(generation);
        values.add(id.apply(document));
        return values.toArray();
    }

    private Object[] insert(int generation, D document) {
        List<Object> values = new ArrayList<>();
        values.add(generation);
        values.add(id.apply(document));
        columns.forEach(c -> values.add(c.value().apply(document)));
        values.add(ReadModelJson.write(document));
        return values.toArray();
    }

    @Override
    public void deleteGeneration(int generation) {
        jdbc.update("DELETE FROM " + table + " WHERE generation = ?", generation);
    }
}
