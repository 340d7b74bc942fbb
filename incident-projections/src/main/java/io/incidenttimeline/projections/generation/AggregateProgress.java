package io.incidenttimeline.projections.generation;

import java.util.List;
import io.incidenttimeline.projections.support.ReadStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Makes a per-aggregate projection apply every event exactly once. Axon 4's pooled streaming processor delivers an event
 * a second time when it reopens its event stream below a segment's position and the segment's token still lists gaps
 * that have since been filled: on a restart, and when a segment changes hands between nodes. A fold applied twice is
 * wrong (an update would be listed twice), so each projection records, per generation and aggregate, the sequence
 * number of the last event it applied, in the transaction of the batch that applied it, and skips anything at or
 * below it. Events of one aggregate reach one segment, in order, so the sequence only grows.
 */
@Repository
public class AggregateProgress {

    private final JdbcTemplate jdbc;

    public AggregateProgress(@ReadStore JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
}
