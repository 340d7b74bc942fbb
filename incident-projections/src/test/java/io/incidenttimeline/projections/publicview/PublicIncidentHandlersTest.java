package io.incidenttimeline.projections.publicview;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.core.incident.IncidentEvent;
import io.incidenttimeline.core.incident.event.IncidentResolved;
import io.incidenttimeline.core.incident.event.UpdatePosted;
import io.incidenttimeline.core.shared.IncidentStatus;
import io.incidenttimeline.core.shared.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

/** Axon finds the handlers an implementing read model inherits, one per event type the fold reads, and no others. */
class PublicIncidentHandlersTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    static final class Recorder implements PublicIncidentHandlers {

        final List<String> folded = new ArrayList<>();

        @Override
        public void incident(IncidentEvent event, DomainEventMessage<?> message) {
            folded.add(event.getClass().getSimpleName() + "@" + message.getAggregateIdentifier());
        }
    }

    @Test
    void anUpdateReachesTheFoldAndAnEventTheFoldIgnoresIsNotHandled() throws Exception {
        Recorder recorder = new Recorder();
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(recorder);
        var posted = new GenericDomainEventMessage<>("Incident", "inc-1", 1, new UpdatePosted("inc-1", "u-1",
                IncidentStatus.IDENTIFIED, "Found it", Visibility.PUBLIC, Map.of(), null, AT, AT));
        var resolved = new GenericDomainEventMessage<>("Incident", "inc-1", 2,
                new IncidentResolved("inc-1", "u-2", AT, AT));

        assertThat(adapter.canHandle(posted)).isTrue();
        assertThat(adapter.canHandle(resolved)).isFalse();
        adapter.handle(posted);
        assertThat(recorder.folded).containsExactly("UpdatePosted@inc-1");
    }
}
