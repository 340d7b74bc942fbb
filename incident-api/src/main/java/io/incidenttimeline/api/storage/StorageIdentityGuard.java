package io.incidenttimeline.api.storage;

import io.incidenttimeline.projections.support.Timestamps;
import java.time.Clock;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The start-up check: the event store has an identity, written once when it was created; the read store records the
 * identity it was built from. Before any processor starts, a mismatch, or an empty event store behind read models
 * that have seen events, stops the application with an error naming both locations ({@link StorageCheck}). A new read
 * store adopts the event store's identity and the processors, whose tokens live in it, build it from the start.
 */
public class StorageIdentityGuard {

    private static final Logger log = LoggerFactory.getLogger(StorageIdentityGuard.class);

    private final StorageLocations locations;
    private final JdbcTemplate eventStore;
    private final JdbcTemplate readStore;
    private final TransactionTemplate readTransaction;
    private final ReadStoreReset reset;
    private final Clock clock;

    StorageIdentityGuard(StorageLocations locations, JdbcTemplate eventStore, JdbcTemplate readStore,
                         TransactionTemplate readTransaction, ReadStoreReset reset, Clock clock) {
        this.locations = locations;
        this.eventStore = eventStore;
        this.readStore = readStore;
        this.readTransaction = readTransaction;
        this.reset = reset;
        this.clock = clock;
    }

    /** Checks both stores; returns normally only when the read models may run against this event store. */
    void verify(EventStoreProperties eventStoreProperties, ReadStoreProperties readStoreProperties) {
        StoreStates.EventStore events = eventStoreState();
        StoreStates.ReadStore reads = readStoreState();
        switch (StorageCheck.decide(events, reads, locations.shared(), eventStoreProperties.identity(),
                readStoreProperties.rebuildFrom())) {
            case MATCHES -> log.info("Event store {} at {}; read models at {} were built from it",
                    events.identity(), events.location(), reads.location());
            case ADOPT -> {
                adopt(events);
                log.info("Event store {} at {}; the read store at {} {}", events.identity(), events.location(),
                        reads.location(), reads.hasContent() ? "recorded it as the store its read models were built from"
                                : "is new and is built from it from the start");
            }
            case REBUILD -> {
                readTransaction.executeWithoutResult(status -> {
                    reset.clear();
                    readStore.update("DELETE FROM read_store_identity");
                    insertIdentity(events);
                });
                log.warn("Read models at {} deleted as asked ({}={}); they are rebuilt from event store {} at {}. "
                                + "Before: {}", reads.location(), StorageCheck.REBUILD_PROPERTY, events.identity(),
                        events.identity(), events.location(), reads.describe());
            }
        }
    }

    private void adopt(StoreStates.EventStore events) {
        try {
            insertIdentity(events);
        } catch (DuplicateKeyException anotherNode) {
            // another instance adopted at the same moment; what it recorded must be this same event store
            StoreStates.ReadStore now = readStoreState();
            if (!events.identity().equals(now.builtFrom())) {
                StorageCheck.decide(events, now, locations.shared(), null, null);
            }
        }
    }

    private void insertIdentity(StoreStates.EventStore events) {
        readStore.update("INSERT INTO read_store_identity (event_store_id, event_store_location, adopted_at) "
                + "VALUES (?, ?, ?)", events.identity(), events.location(), Timestamps.column(clock.instant()));
    }

    private StoreStates.EventStore eventStoreState() {
        Long last = eventStore.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        OptionalLong lastPosition = last == null ? OptionalLong.empty() : OptionalLong.of(last);
        return eventStore.query("SELECT id, created_at FROM event_store_identity", (rs, row) ->
                        new StoreStates.EventStore(locations.eventStoreLocation(), rs.getString("id"),
                                Timestamps.instant(rs, "created_at"), lastPosition)).stream().findFirst()
                .orElseGet(() -> new StoreStates.EventStore(locations.eventStoreLocation(), null, null, lastPosition));
    }

    private StoreStates.ReadStore readStoreState() {
        long tokens = count("SELECT COUNT(*) FROM TokenEntry WHERE token IS NOT NULL");
        long audit = count("SELECT COUNT(*) FROM audit_event");
        return readStore.query("SELECT event_store_id, event_store_location, adopted_at FROM read_store_identity",
                        (rs, row) -> new StoreStates.ReadStore(locations.readStoreLocation(), rs.getString(1),
                                rs.getString(2), Timestamps.instant(rs, "adopted_at"), tokens, audit))
                .stream().findFirst()
                .orElseGet(() -> new StoreStates.ReadStore(locations.readStoreLocation(), null, null, null, tokens, audit));
    }

    private long count(String sql) {
        Long count = readStore.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }
}
