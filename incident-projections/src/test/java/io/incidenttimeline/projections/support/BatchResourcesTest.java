package io.incidenttimeline.projections.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

class BatchResourcesTest {

    @Test
    void aResourceIsCreatedOncePerBatchWrittenBeforeCommitAndAnnouncedAfterIt() {
        List<String> calls = new ArrayList<>();
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("event"));
        List<String> first = BatchResources.current("rows", () -> new ArrayList<>(List.of("created")),
                rows -> calls.add("write " + rows), rows -> calls.add("after commit"));
        first.add("second event");
        List<String> again = BatchResources.current("rows", () -> new ArrayList<>(List.of("created again")),
                rows -> calls.add("write again"), rows -> calls.add("after commit again"));
        assertThat(again).isSameAs(first);
        batch.commit();
        assertThat(calls).containsExactly("write [created, second event]", "after commit");
    }

    @Test
    void creatingAResourceMayPutResourcesOfItsOwn() {
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("event"));
        for (int i = 0; i < 100; i++) {
            batch.resources().put("filler-" + i, i);
        }
        String created = BatchResources.current("outer", () -> {
            // what ProjectionGenerations.writeGeneration does inside a projection's batch
            batch.root().getOrComputeResource("generation", key -> 7);
            for (int i = 0; i < 100; i++) {
                batch.resources().put("more-" + i, i);
            }
            return "outer";
        }, r -> { }, r -> { });
        assertThat(created).isEqualTo("outer");
        assertThat((Integer) batch.getResource("generation")).isEqualTo(7);
        batch.commit();
    }
}
