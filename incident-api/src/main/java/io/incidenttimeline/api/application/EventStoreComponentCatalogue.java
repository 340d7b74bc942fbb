package io.incidenttimeline.api.application;

import io.incidenttimeline.core.component.ComponentCatalogue;
import io.incidenttimeline.core.component.ComponentIds;
import io.incidenttimeline.core.component.ComponentRetired;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;

/**
 * A component exists when its stream does: asking the event store itself keeps the check consistent with the
 * definition, with no read model that could lag behind.
 */
@Service
class EventStoreComponentCatalogue implements ComponentCatalogue {

    private final EventStore eventStore;

    EventStoreComponentCatalogue(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public boolean isDefined(String componentId) {
        return eventStore.lastSequenceNumberFor(ComponentIds.aggregateId(componentId)).isPresent();
    }

    /**
     * A retired component's stream ends with its retirement: nothing is appended after it (defining it again is
     * refused, retiring it again changes nothing), so only the last event is read.
     */
    @Override
    public boolean isRetired(String componentId) {
        String aggregateId = ComponentIds.aggregateId(componentId);
        var last = eventStore.lastSequenceNumberFor(aggregateId);
        if (last.isEmpty()) {
            return false;
        }
        DomainEventStream events = eventStore.readEvents(aggregateId, last.get());
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getSequenceNumber() == last.get()) {
                return ComponentRetired.class.getName().equals(event.getPayloadType().getName());
            }
        }
        return false;
    }
}
