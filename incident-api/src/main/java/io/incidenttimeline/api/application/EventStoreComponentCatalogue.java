package io.incidenttimeline.api.application;

import io.incidenttimeline.core.component.ComponentCatalogue;
import io.incidenttimeline.core.component.ComponentIds;
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
}
