package io.incidenttimeline.projections.runtime;

import io.incidenttimeline.projections.support.ReadStore;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Repository;

/**
 * Makes a per-aggregate projection apply every event exactly once. Axon 4's pooled streaming processor delivers an event
 * a second time when it reopens its event stream below a segment's position and the segment's token still lists gaps
 * that have since been filled: on a restart, and when a segment changes hands between nodes. A fold applied twice is
 * wrong (an update would be listed twice), so each projection records, per generation and aggregate, the sequence
 * number of the last event it applied, in the transaction of the batch that applied it, and skips anything at or
 * below it. Events of one aggregate reach one segment, in order, so the sequence only grows.
 * <p>
 * A projection that writes its documents once per batch of events uses a {@link Batch}: each aggregate's progress is
 * read once per batch, kept in memory and written with the batch's documents, in the same transaction.
 */
@Repository
public class AggregateProgress {

    private final JdbcTemplate jdbc;
    private final boolean batchPreload;

    /** On H2 a batch reads each aggregate's progress and documents on first use, elsewhere all at once. */
    @Autowired
    public AggregateProgress(@ReadStore JdbcTemplate jdbc) {
        this(jdbc, !embeddedH2(jdbc));
    }

    /**
     * @param batchPreload whether a batch reads the progress and documents of all its aggregates with one query per
     *                     table: fewer round trips on PostgreSQL, but H2 tests each row of the generation against the
     *                     list, which made its replays slower than reading each on first use (docs/benchmarks.md)
     */
    public AggregateProgress(JdbcTemplate jdbc, boolean batchPreload) {
        this.jdbc = jdbc;
        this.batchPreload = batchPreload;
    }

    public boolean preloadsBatches() {
        return batchPreload;
    }

    private static boolean embeddedH2(JdbcTemplate jdbc) {
        try {
            return "H2".equals(JdbcUtils.extractDatabaseMetaData(jdbc.getDataSource(),
                    DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException unknown) {
            return false;
        }
    }

    /** Records the event as applied and returns true, or returns false when it (or a later one) was applied before. */
    public boolean firstDelivery(String projection, int generation, String aggregateId, long sequence) {
        int advanced = jdbc.update("UPDATE projection_progress SET last_sequence = ? WHERE projection = ? "
                + "AND generation = ? AND aggregate_id = ? AND last_sequence < ?", sequence, projection, generation,
                aggregateId, sequence);
        if (advanced == 1) {
            return true;
        }
        List<Long> applied = jdbc.queryForList("SELECT last_sequence FROM projection_progress WHERE projection = ? "
                + "AND generation = ? AND aggregate_id = ?", Long.class, projection, generation, aggregateId);
        if (!applied.isEmpty()) {
            return false;
        }
        jdbc.update("INSERT INTO projection_progress (projection, generation, aggregate_id, last_sequence) "
                + "VALUES (?, ?, ?, ?)", projection, generation, aggregateId, sequence);
        return true;
    }

    public void deleteGeneration(String projection, int generation) {
        jdbc.update("DELETE FROM projection_progress WHERE projection = ? AND generation = ?", projection, generation);
    }

    /** The progress of one batch of events of {@code projection} in {@code generation}; write it before commit. */
    public Batch batch(String projection, int generation) {
        return new Batch(projection, generation);
    }

    public final class Batch {

        private final String projection;
        private final int generation;
        private final Map<String, Long> stored = new HashMap<>();
        private final Map<String, Long> applied = new HashMap<>();

        private Batch(String projection, int generation) {
            this.projection = projection;
            this.generation = generation;
        }

        /** True for an event not applied before (and notes it as applied), false for one applied already. */
        public boolean firstDelivery(String aggregateId, long sequence) {
            Long last = applied.containsKey(aggregateId) ? applied.get(aggregateId) : load(aggregateId);
            if (last != null && sequence <= last) {
                return false;
            }
            applied.put(aggregateId, sequence);
            return true;
        }

        /**
         * The sequence the store held for the aggregate when this batch first read its progress (null: none, or not
         * read yet).
         */
        public Long stored(String aggregateId) {
            return stored.get(aggregateId);
        }

        /** The sequence of the aggregate's last event applied, in this batch or before it (null: none). */
        public Long applied(String aggregateId) {
            return applied.get(aggregateId);
        }

        /** Reads the progress of every aggregate in {@code aggregateIds} not read yet, with one query. */
        public void preload(Collection<String> aggregateIds) {
            List<String> missing = aggregateIds.stream().filter(id -> !applied.containsKey(id)).distinct().toList();
            if (missing.isEmpty()) {
                return;
            }
            List<Object> args = new ArrayList<>(List.of(projection, generation));
            args.addAll(missing);
            Map<String, Long> found = new HashMap<>();
            jdbc.query("SELECT aggregate_id, last_sequence FROM projection_progress WHERE projection = ? "
                    + "AND generation = ? AND aggregate_id IN (" + String.join(", ", Collections.nCopies(missing.size(), "?"))
                    + ")", rs -> {
                found.put(rs.getString(1), rs.getLong(2));
            }, args.toArray());
            missing.forEach(id -> {
                stored.put(id, found.get(id));
                applied.put(id, found.get(id));
            });
        }

        private Long load(String aggregateId) {
            Long last = jdbc.queryForList("SELECT last_sequence FROM projection_progress WHERE projection = ? "
                    + "AND generation = ? AND aggregate_id = ?", Long.class, projection, generation, aggregateId)
                    .stream().findFirst().orElse(null);
            stored.put(aggregateId, last);
            applied.put(aggregateId, last);
            return last;
        }

        /** Writes what this batch applied, as one JDBC batch of updates and one of inserts. */
        public void write() {
            List<Object[]> updates = new ArrayList<>();
            List<Object[]> inserts = new ArrayList<>();
            applied.forEach((aggregateId, sequence) -> {
                Long before = stored.get(aggregateId);
                if (before == null && sequence != null) {
                    inserts.add(new Object[] {projection, generation, aggregateId, sequence});
                } else if (before != null && !before.equals(sequence)) {
                    updates.add(new Object[] {sequence, projection, generation, aggregateId});
                }
            });
            if (!updates.isEmpty()) {
                jdbc.batchUpdate("UPDATE projection_progress SET last_sequence = ? WHERE projection = ? "
                        + "AND generation = ? AND aggregate_id = ?", updates);
            }
            if (!inserts.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO projection_progress (projection, generation, aggregate_id, last_sequence) "
                        + "VALUES (?, ?, ?, ?)", inserts);
            }
        }
    }
}
