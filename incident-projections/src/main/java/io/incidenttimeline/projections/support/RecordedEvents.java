package io.incidenttimeline.projections.support;

import io.incidenttimeline.core.shared.DomainEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The events as the event store recorded them, for time travel: an aggregate's stream from its first event (never
 * from a snapshot), cut at a recorded time. Every event carries {@code recordedAt}, the moment it was stored. Reads
 * the event store's own database (the unqualified JdbcTemplate), wherever the read models live.
 */
@Component
public class RecordedEvents {

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    /** Once there is a first event it stays the first: events are never deleted. */
    private volatile Instant firstRecordedAt;

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

    /** When the event store's first event was recorded; empty while the store has none. */
    public Optional<Instant> firstRecordedAt() {
        Instant known = firstRecordedAt;
        if (known == null) {
            known = jdbc.queryForList("SELECT aggregateIdentifier FROM DomainEventEntry ORDER BY globalIndex LIMIT 1",
                    String.class).stream().findFirst()
                    .flatMap(first -> eventStore.readEvents(first, 0L).asStream().findFirst())
                    .map(RecordedEvents::recordedAt).map(at -> at.truncatedTo(ChronoUnit.MICROS)).orElse(null);
            firstRecordedAt = known;
        }
        return Optional.ofNullable(known);
    }

    /** The identifiers of all component streams, or of all incident streams, in the order they began. */
    public Stream<String> aggregates(boolean components) {
        return streams(components ? AggregateTypes.COMPONENT : AggregateTypes.INCIDENT);
    }

    /** The identifiers of all maintenance streams, in the order they began. */
    public Stream<String> maintenanceStreams() {
        return streams(AggregateTypes.MAINTENANCE);
    }

    /** The streams of one aggregate type, as the event store recorded it with each event. */
    private Stream<String> streams(String aggregateType) {
        return jdbc.queryForList("SELECT aggregateIdentifier FROM DomainEventEntry WHERE sequenceNumber = 0 AND type = ? "
                + "ORDER BY globalIndex", String.class, aggregateType).stream();
    }

    /** The global position the event store gave the event with this identifier. */
    public long globalIndex(String eventIdentifier) {
        return jdbc.queryForObject("SELECT globalIndex FROM DomainEventEntry WHERE eventIdentifier = ?", Long.class,
                eventIdentifier);
    }

    /** When the event says it was recorded; the message's timestamp for an event that does not say. */
    public static Instant recordedAt(DomainEventMessage<?> event) {
        return event.getPayload() instanceof DomainEvent recorded && recorded.recordedAt() != null
                ? recorded.recordedAt() : event.getTimestamp();
    }
}
