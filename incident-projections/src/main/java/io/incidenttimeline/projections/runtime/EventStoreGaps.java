package io.incidenttimeline.projections.runtime;

import java.time.Duration;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * How the JDBC event store treats gaps in the global index, chosen so that a transaction committing late never makes a
 * processor skip its event (Axon issues 2771 and 4829; reasoning in docs/read-side.md, "Gaps in the global index").
 * <p>
 * A transaction draws its global index when it inserts, and may commit after transactions that drew later ones. A
 * reader that sees such a later event records the missing index as a gap in its token and asks for it again, but
 * Axon 4 records no gap (and drops those it had) when the visible event's timestamp is older than {@link #TIMEOUT},
 * and drops gaps more than {@link #MAX_OFFSET} positions behind the newest event. Both must outlast any transaction.
 */
public final class EventStoreGaps {

    /**
     * Far above how long a command transaction holds a drawn index here (milliseconds: the insert comes at the end of
     * the command, followed only by the idempotency record and the commit; lock waits come before it) and above the
     * clock difference between nodes. Axon's default is one minute.
     */
    public static final Duration TIMEOUT = Duration.ofMinutes(10);

    /**
     * Events that may commit while one transaction is open before its gap is given up; Axon's default is 10,000. Kept
     * below 32,767 because every gap becomes a bind parameter of the event store's query.
     */
    public static final int MAX_OFFSET = 30_000;

    /** The first global index both schemas hand out (identity and sequence start with 1): no gaps below it. */
    public static final long LOWEST_GLOBAL_SEQUENCE = 1;

    /** Gaps a token may carry before the engine looks for ones older than the timeout to clean (Axon's default). */
    public static final int CLEANING_THRESHOLD = 250;

    private EventStoreGaps() {
    }

    public static JdbcEventStorageEngine.Builder applyTo(JdbcEventStorageEngine.Builder builder) {
        return builder.gapTimeout((int) TIMEOUT.toMillis()).maxGapOffset(MAX_OFFSET)
                .lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE).gapCleaningThreshold(CLEANING_THRESHOLD);
    }
}
