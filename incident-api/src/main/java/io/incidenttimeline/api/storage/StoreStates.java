package io.incidenttimeline.api.storage;

import io.incidenttimeline.projections.support.ReadStore;
import java.time.Instant;
import java.util.OptionalLong;

/** What the start-up check knows about both stores. */
final class StoreStates {

    private StoreStates() {
    }

    /**
     * @param identity     the event store's identity, or null when its identity row is missing
     * @param lastPosition the global index of its newest event; empty when it holds none
     */
    record EventStore(String location, String identity, Instant createdAt, OptionalLong lastPosition) {

        boolean empty() {
            return lastPosition.isEmpty();
        }

        String describe() {
            return location + " (identity " + (identity == null ? "missing" : identity + ", created " + createdAt) + "), "
                    + (empty() ? "no events" : "events up to position " + lastPosition.getAsLong());
        }
    }

    /**
     * @param builtFrom         the identity of the event store the read models were built from; null if none is recorded
     * @param builtFromLocation where that event store was when this read store adopted it
     * @param trackedSegments   processor tokens that have a position, i.e. that have read events
     * @param auditEntries      rows of the audit trail, one per event it has seen
     */
    record ReadStore(String location, String builtFrom, String builtFromLocation, Instant adoptedAt,
                     long trackedSegments, long auditEntries) {

        boolean hasContent() {
            return trackedSegments > 0 || auditEntries > 0;
        }

        String describe() {
            String origin = builtFrom == null ? "no record of the event store it was built from"
                    : "built from event store " + builtFrom + " (at " + builtFromLocation + " when adopted on " + adoptedAt + ")";
            return location + ", " + origin + "; " + auditEntries + " audit-trail entries, " + trackedSegments
                    + " processor tokens with a position";
        }
    }
}
