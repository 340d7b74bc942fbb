package io.incidenttimeline.projections.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

class HeadPositionTest {

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(storage).build();

    @Test
    void anEmptyStoreHasNoHeadAndAFilledOneThePositionOfItsNewestEvent() {
        assertThat(HeadPosition.of(store)).isEmpty();

        storage.appendEvents(IntStream.range(0, 3)
                .mapToObj(n -> new GenericDomainEventMessage<>("Incident", "incident", n, n)).toList());

        long newest = storage.readEvents(null, false).reduce((first, second) -> second).orElseThrow()
                .trackingToken().position().orElseThrow();
        assertThat(HeadPosition.of(store)).hasValue(newest);
        store.shutDown();
    }
}
