package io.incidenttimeline.api.storage;

import java.util.Objects;

/**
 * Decides whether the read models may run against the event store behind them. Refusals name both stores and say
 * what to do; a read store that records no event store yet adopts this one (a new read store, or one from before
 * identities existed in the event store's own database).
 */
final class StorageCheck {

    enum Outcome {
        /** The read models were built from this event store. */
        MATCHES,
        /** The read store has no record of an event store yet and takes this one's identity. */
        ADOPT,
        /** The operator asked for the read models to be rebuilt from this event store: they are deleted first. */
        REBUILD
    }

    static final String REBUILD_PROPERTY = "incident.read-store.rebuild-from";
    static final String IDENTITY_PROPERTY = "incident.event-store.identity";

    private StorageCheck() {
    }

    static Outcome decide(StoreStates.EventStore events, StoreStates.ReadStore reads, boolean shared,
                          String expectedIdentity, String rebuildFrom) {
        if (events.identity() == null) {
            throw new StorageMismatchException("The event store has no identity (its table event_store_identity is empty).",
                    events, reads, "Check spring.datasource.url; a database migrated by this application always has one. "
                    + "Restore the row from a backup of this event store.");
        }
        if (expectedIdentity != null && !expectedIdentity.isBlank() && !expectedIdentity.equals(events.identity())) {
            throw new StorageMismatchException("The event store is not the one configured: " + IDENTITY_PROPERTY + " is "
                    + expectedIdentity + ", but the event store's identity is " + events.identity() + ".", events, reads,
                    "Check spring.datasource.url: it points at another database than the configured event store. If the "
                    + "event store was replaced on purpose, set " + IDENTITY_PROPERTY + "=" + events.identity() + ".");
        }
        boolean belongs = reads.builtFrom() == null ? !reads.hasContent() || shared
                : reads.builtFrom().equals(events.identity());
        boolean consistent = belongs && !(events.empty() && reads.hasContent());
        if (consistent) {
            return reads.builtFrom() == null ? Outcome.ADOPT : Outcome.MATCHES;
        }
        if (Objects.equals(rebuildFrom, events.identity())) {
            return Outcome.REBUILD;
        }
        String rebuild = "If the event store above is the right one, rebuild the read models from it deliberately: start "
                + "once with " + REBUILD_PROPERTY + "=" + events.identity() + " (this deletes the read models and the "
                + "processors' tokens in the read store, and every projection replays the event store from the start)."
                + (rebuildFrom == null || rebuildFrom.isBlank() ? "" : " " + REBUILD_PROPERTY + " is set to " + rebuildFrom
                + ", which is not this event store, so nothing was deleted.");
        if (events.empty() && reads.hasContent()) {
            throw new StorageMismatchException("The event store is empty, but the read models were built from events.",
                    events, reads, "Check spring.datasource.url: an empty event store behind existing read models "
                    + "usually means it points at a new or wrong database (this one was just created, or emptied). "
                    + rebuild);
        }
        if (reads.builtFrom() == null) {
            throw new StorageMismatchException("The read store holds read models but no record of the event store they "
                    + "were built from.", events, reads, "Check incident.read-store.datasource.url: it should point at "
                    + "a database used as read store by this event store only, or at a new, empty one. " + rebuild);
        }
        throw new StorageMismatchException("The read models were built from another event store (" + reads.builtFrom()
                + ") than the one configured (" + events.identity() + ").", events, reads,
                "Check spring.datasource.url and incident.read-store.datasource.url: one of them points at the wrong "
                + "database. " + rebuild);
    }
}
