package io.incidenttimeline.projections.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.Test;

class ChunkedTailReadsTest {

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final ChunkedTailReads engine = new ChunkedTailReads(storage);

    @Test
    void aStreamThatMayBlockEndsAfterAChunkAndOneThatMayNotIsWhole() {
        append(0, 2_500);
        assertThat(engine.readEvents(null, true).count()).isEqualTo(ChunkedTailReads.CHUNK);
        assertThat(engine.readEvents(null, false).count()).isEqualTo(2_500);
        assertThat(engine.readEvents("incident").asStream().count()).isEqualTo(2_500);
    }

    @Test
    void aTailingProcessorGetsEveryEventInOrderWhenTheSharedProducerHasFallenFarBehind() throws Exception {
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(engine).fetchDelay(10).build();
        try {
            append(0, 10);
            TrackingEventStream first = store.openStream(null);
            for (int i = 0; i < 10; i++) {
                first.nextAvailable();
            }
            // tailing now; a producer caches what arrives after
            append(10, 1);
            assertThat(first.nextAvailable().getPayload()).isEqualTo(10);
            first.close();
            // nobody tails while many events are stored: the producer's newest cached event is far behind
            append(11, 4_000);
            TrackingEventStream second = store.openStream(null);
            List<Object> payloads = new ArrayList<>();
            while (payloads.size() < 4_011) {
                assertThat(second.hasNextAvailable(5, TimeUnit.SECONDS)).as("event %d", payloads.size()).isTrue();
                payloads.add(second.nextAvailable().getPayload());
            }
            assertThat(payloads).containsExactlyElementsOf(IntStream.range(0, 4_011).boxed().toList());
            append(4_011, 1);
            assertThat(second.nextAvailable().getPayload()).isEqualTo(4_011);
            second.close();
        } finally {
            store.shutDown();
        }
    }

    private void append(int from, int count) {
        storage.appendEvents(IntStream.range(from, from + count)
                .mapToObj(n -> new GenericDomainEventMessage<>("Incident", "incident", n, n)).toList());
    }
}
