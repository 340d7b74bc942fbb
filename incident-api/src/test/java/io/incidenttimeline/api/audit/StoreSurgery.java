package io.incidenttimeline.api.audit;

import io.incidenttimeline.projections.audit.chain.ChainEntry;
import io.incidenttimeline.projections.audit.chain.EventRows;
import io.incidenttimeline.projections.audit.chain.StoredEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tampers with the real tables underneath the application, in plain SQL that H2 and PostgreSQL both accept, and
 * remembers how to undo each change so the shared store is whole again for the next test.
 */
public final class StoreSurgery {

    private final JdbcTemplate jdbc;
    private final EventRows rows;
    private final Deque<Runnable> undo = new ArrayDeque<>();

    public StoreSurgery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.rows = new EventRows(jdbc);
    }

    public StoredEvent event(long position) {
        List<StoredEvent> found = rows.page(position - 1, position, 1);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("no event at position " + position);
        }
        return found.get(0);
    }

    public void changePayload(long position, UnaryOperator<byte[]> change) {
        byte[] original = event(position).payload();
        jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?", change.apply(original.clone()), position);
        undo.push(() -> jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?", original, position));
    }

    public void changeMetadata(long position, UnaryOperator<byte[]> change) {
        byte[] original = event(position).metadata();
        jdbc.update("UPDATE DomainEventEntry SET metaData = ? WHERE globalIndex = ?", change.apply(original.clone()), position);
        undo.push(() -> jdbc.update("UPDATE DomainEventEntry SET metaData = ? WHERE globalIndex = ?", original, position));
    }

    /** Deletes every event from the position on (one event when it is the newest). */
    public void deleteEventsFrom(long position, long through) {
        List<StoredEvent> deleted = rows.page(position - 1, through, Integer.MAX_VALUE);
        jdbc.update("DELETE FROM DomainEventEntry WHERE globalIndex >= ? AND globalIndex <= ?", position, through);
        undo.push(() -> deleted.forEach(this::insert));
    }

    /** Slips a copy of an event, under a new id and aggregate, into the store at the given position. */
    public void insertCopy(long from, long at) {
        StoredEvent original = event(from);
        insert(new StoredEvent(at, java.util.UUID.randomUUID().toString(), original.payloadType(), original.revision(),
                original.aggregateType(), "inserted-" + java.util.UUID.randomUUID(), 0, original.recordedAt(),
                original.metadata(), original.payload()));
        undo.push(() -> jdbc.update("DELETE FROM DomainEventEntry WHERE globalIndex = ?", at));
    }

    /** Exchanges the places of two events in the global order. */
    public void swap(long first, long second) {
        Runnable swap = () -> {
            jdbc.update("UPDATE DomainEventEntry SET globalIndex = ? WHERE globalIndex = ?", -first, first);
            jdbc.update("UPDATE DomainEventEntry SET globalIndex = ? WHERE globalIndex = ?", first, second);
            jdbc.update("UPDATE DomainEventEntry SET globalIndex = ? WHERE globalIndex = ?", second, -first);
        };
        swap.run();
        undo.push(swap);
    }

    /** Removes the recorded chain from a position on, as someone covering their tracks would. */
    public void deleteChainFrom(long position) {
        List<ChainEntry> deleted = jdbc.query("SELECT position, event_id, hash FROM audit_chain_entry WHERE position >= ?",
                (row, n) -> new ChainEntry(row.getLong(1), row.getString(2), row.getString(3)), position);
        jdbc.update("DELETE FROM audit_chain_entry WHERE position >= ?", position);
        undo.push(() -> {
            // the chain may have been extended again meanwhile, from tampered rows: put back exactly what was recorded
            jdbc.update("DELETE FROM audit_chain_entry WHERE position >= ?", position);
            deleted.forEach(e -> jdbc.update("INSERT INTO audit_chain_entry (position, event_id, hash) VALUES (?, ?, ?)",
                    e.position(), e.eventId(), e.hash()));
        });
    }

    /** Removes the signed checkpoints from a position on, as someone covering their tracks would. */
    public void deleteCheckpointsFrom(long position) {
        List<String[]> deleted = jdbc.query("SELECT position, head_hash, created_at, signature FROM audit_checkpoint "
                + "WHERE position >= ? ORDER BY id", (row, n) -> new String[] {row.getString(1), row.getString(2),
                row.getString(3), row.getString(4)}, position);
        jdbc.update("DELETE FROM audit_checkpoint WHERE position >= ?", position);
        // checkpoints signed meanwhile are genuine and stay: only the deleted ones come back
        undo.push(() -> deleted.forEach(c -> jdbc.update("INSERT INTO audit_checkpoint (position, head_hash, created_at, "
                + "signature) VALUES (?, ?, ?, ?)", Long.parseLong(c[0]), c[1], c[2], c[3])));
    }

    public void addCheckpoint(long position, String headHash, String createdAt, String signature) {
        jdbc.update("INSERT INTO audit_checkpoint (position, head_hash, created_at, signature) VALUES (?, ?, ?, ?)",
                position, headHash, createdAt, signature);
        // the head hash too: a genuine signature copied onto a changed checkpoint must not take the genuine row with it
        undo.push(() -> jdbc.update("DELETE FROM audit_checkpoint WHERE position = ? AND head_hash = ? AND signature = ?",
                position, headHash, signature));
    }

    /** Undoes every change, newest first. */
    public void restore() {
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
    }

    private void insert(StoredEvent event) {
        try {
            jdbc.update("INSERT INTO DomainEventEntry (globalIndex, eventIdentifier, payloadType, payloadRevision, type, "
                            + "aggregateIdentifier, sequenceNumber, timeStamp, metaData, payload) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", event.position(), event.eventId(),
                    event.payloadType(), event.revision(), event.aggregateType(), event.aggregateId(),
                    event.sequenceNumber(), event.recordedAt(), event.metadata(), event.payload());
        } catch (DuplicateKeyException alreadyBack) {
            throw new IllegalStateException("event " + event.eventId() + " is back already", alreadyBack);
        }
    }

    /** Replaces the first occurrence of one ASCII text by another of the same length, i.e. changes single bytes. */
    public static UnaryOperator<byte[]> replacing(String from, String to) {
        return bytes -> {
            String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
            int at = text.indexOf(from);
            if (at < 0) {
                throw new IllegalArgumentException("'" + from + "' is not in " + text);
            }
            return (text.substring(0, at) + to + text.substring(at + from.length()))
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        };
    }
}
