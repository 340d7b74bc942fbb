package io.incidenttimeline.api.application;

import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** The version of an aggregate as stored right now (the sequence number of its latest event), for preconditions. */
@Component
public class CurrentVersions {

    private final EventStore events;

    CurrentVersions(EventStore events) {
        this.events = events;
    }

    /** Empty when no event of the aggregate is stored: it does not exist. */
    public Optional<Long> of(String aggregateId) {
        return events.lastSequenceNumberFor(aggregateId);
    }
}
