package io.incidenttimeline.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidenttimeline.api.storage.StorageCheck.Outcome;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Every rule of the start-up check, on the facts alone; StorageLocationsTest runs the real cases end to end. */
class StorageCheckTest {

    private static final String EVENTS_AT = "jdbc:postgresql://events.internal/incidents";
    private static final String READS_AT = "jdbc:postgresql://reads.internal/incident_reads";
    private static final String THIS_STORE = "11111111-1111-1111-1111-111111111111";
    private static final String OTHER_STORE = "22222222-2222-2222-2222-222222222222";

    private static StoreStates.EventStore events(boolean empty) {
        return new StoreStates.EventStore(EVENTS_AT, THIS_STORE, Instant.parse("2026-01-01T00:00:00Z"),
                empty ? OptionalLong.empty() : OptionalLong.of(120));
    }

    private static StoreStates.ReadStore builtFrom(String identity, long auditEntries) {
        return new StoreStates.ReadStore(READS_AT, identity, identity == null ? null : "jdbc:postgresql://old/incidents",
                identity == null ? null : Instant.parse("2026-01-02T00:00:00Z"), auditEntries > 0 ? 3 : 0, auditEntries);
    }

    @Test
    void readModelsBuiltFromThisEventStoreMatch() {
        assertThat(StorageCheck.decide(events(false), builtFrom(THIS_STORE, 120), false, null, null))
                .isEqualTo(Outcome.MATCHES);
    }

    @Test
    void aNewReadStoreAdoptsTheEventStoreEmptyOrNot() {
        assertThat(StorageCheck.decide(events(false), builtFrom(null, 0), false, null, null)).isEqualTo(Outcome.ADOPT);
        assertThat(StorageCheck.decide(events(true), builtFrom(null, 0), false, null, null)).isEqualTo(Outcome.ADOPT);
    }

    @Test
    void readModelsBesideTheEventsFromBeforeIdentitiesAreAdopted() {
        assertThat(StorageCheck.decide(events(false), builtFrom(null, 120), true, null, null)).isEqualTo(Outcome.ADOPT);
    }

    @Test
    void readModelsOfAnotherEventStoreAreRefusedWithBothLocationsAndIdentities() {
        assertThatThrownBy(() -> StorageCheck.decide(events(false), builtFrom(OTHER_STORE, 120), false, null, null))
                .isInstanceOf(StorageMismatchException.class)
                .hasMessageContaining("built from another event store")
                .hasMessageContaining(EVENTS_AT).hasMessageContaining(READS_AT)
                .hasMessageContaining(THIS_STORE).hasMessageContaining(OTHER_STORE)
                .hasMessageContaining("incident.read-store.rebuild-from=" + THIS_STORE);
    }

    @Test
    void anEmptyEventStoreBehindReadModelsIsRefusedEvenWhenTheIdentityMatches() {
        assertThatThrownBy(() -> StorageCheck.decide(events(true), builtFrom(THIS_STORE, 120), false, null, null))
                .hasMessageContaining("The event store is empty").hasMessageContaining("no events");
        assertThatThrownBy(() -> StorageCheck.decide(events(true), builtFrom(null, 120), true, null, null))
                .hasMessageContaining("The event store is empty");
    }

    @Test
    void readModelsOfUnknownOriginInAReadStoreOfTheirOwnAreRefused() {
        assertThatThrownBy(() -> StorageCheck.decide(events(false), builtFrom(null, 120), false, null, null))
                .hasMessageContaining("no record of the event store they were built from")
                .hasMessageContaining("incident.read-store.datasource.url");
    }

    @Test
    void aRebuildHappensOnlyForTheNamedEventStore() {
        assertThat(StorageCheck.decide(events(false), builtFrom(OTHER_STORE, 120), false, null, THIS_STORE))
                .isEqualTo(Outcome.REBUILD);
        assertThatThrownBy(() -> StorageCheck.decide(events(false), builtFrom(OTHER_STORE, 120), false, null, OTHER_STORE))
                .hasMessageContaining("incident.read-store.rebuild-from is set to " + OTHER_STORE)
                .hasMessageContaining("nothing was deleted");
    }

    @Test
    void aRebuildPropertyLeftInPlaceChangesNothingOnceTheReadModelsBelong() {
        assertThat(StorageCheck.decide(events(false), builtFrom(THIS_STORE, 120), false, null, THIS_STORE))
                .isEqualTo(Outcome.MATCHES);
    }

    @Test
    void aConfiguredEventStoreIdentityStopsAStartOnAnyOtherStoreEvenWithReadModelsBesideIt() {
        assertThatThrownBy(() -> StorageCheck.decide(events(true), builtFrom(null, 0), true, OTHER_STORE, null))
                .hasMessageContaining("not the one configured")
                .hasMessageContaining("incident.event-store.identity=" + THIS_STORE);
        assertThat(StorageCheck.decide(events(false), builtFrom(THIS_STORE, 120), true, THIS_STORE, null))
                .isEqualTo(Outcome.MATCHES);
    }

    @Test
    void anEventStoreWithoutItsIdentityIsRefused() {
        var anonymous = new StoreStates.EventStore(EVENTS_AT, null, null, OptionalLong.of(5));
        assertThatThrownBy(() -> StorageCheck.decide(anonymous, builtFrom(THIS_STORE, 5), false, null, null))
                .hasMessageContaining("has no identity").hasMessageContaining(EVENTS_AT);
    }
}
