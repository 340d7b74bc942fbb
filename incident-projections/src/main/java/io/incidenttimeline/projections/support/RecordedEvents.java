package io.incidenttimeline.projections.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The events as the event store recorded them, for time travel: an aggregate's stream from its first event (never
 * from a snapshot), cut at a recorded time. Every event carries {@code recordedAt}, the moment it was stored.
 */
@Component
public class RecordedEvents {

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;

    public RecordedEvents(EventStore eventStore, JdbcTemplate jdbc) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    /**
     * The payloads of {@code aggregateId}'s events recorded at or before {@code asOf}, in order. Recorded times are
     * compared at microsecond precision, the precision the audit trail shows them with.
     */
    public List<Object> upTo(String aggregateId, Instant asOf) {
        return eventStore.readEvents(aggregateId, 0L).asStream()
                .filter(event -> !recordedAt(event).truncatedTo(ChronoUnit.MICROS).isAfter(asOf))
                .map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
    }

    /** The identifiers of all component streams, or of all incident streams, in the order they began. */
    public Stream<String> aggregates(boolean components) {
        String condition = components ? "LIKE 'component:%'" : "NOT LIKE 'component:%'";
        return jdbc.queryForList("SELECT aggregateIdentifier FROM DomainEventEntry WHERE sequenceNumber = 0 "
                + "AND aggregateIdentifier " + condition + " ORDER BY globalIndex", String.class).stream();
    }

    /** The global position the event store gave the event with this identifier. */
    public long globalIndex(String eventIdentifier) {
        return jdbc.queryForObject("SELECT globalIndex FROM DomainEventEntry WHERE eventIdentifier = ?", Long.class,
                eventIdentifier);
    }

    public static Instant recordedAt(DomainEventMessage<?> event) {
        Object payload = event.getPayload();
        try {
            Object value = payload.getClass().getMethod("recordedAt").invoke(payload);
            return value instanceof Instant instant ? instant : event.getTimestamp();
        } catch (ReflectiveOperationException e) {
            return event.getTimestamp();
        }
    }
}
