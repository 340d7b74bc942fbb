package io.incidenttimeline.projections.audit;

import io.incidenttimeline.projections.support.AggregateTypes;
import io.incidenttimeline.projections.runtime.ProjectionGenerations;
import io.incidenttimeline.projections.runtime.ReplayableProjection;
import io.incidenttimeline.projections.runtime.SingleSegment;
import io.incidenttimeline.projections.support.RecordedEvents;
import io.incidenttimeline.projections.support.BatchResources;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import io.incidenttimeline.projections.support.ReadStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One row per stored event, with its global position, its audit metadata and its payload as stored. The rows of a
 * batch of events are inserted together at its end, in the batch's transaction. Payload, times and metadata are read
 * from the stored JSON ({@link StoredJson}) without building the event record, unless upcasters are configured: then
 * a stored payload may be of an older revision, and the upcast record is written instead.
 */
@Component
@ProcessingGroup(AuditTrailProjection.NAME)
// readers take a page ending at position p to mean every event up to p is there: true only while one segment writes
@SingleSegment
public class AuditTrailProjection implements ReplayableProjection {

    public static final String NAME = "audit-trail";

    private final JdbcTemplate jdbc;
    private final ProjectionGenerations generations;
    private final RecordedEvents events;
    private final Serializer serializer;
    private final boolean storedPayloads;

    public AuditTrailProjection(@ReadStore JdbcTemplate jdbc, ProjectionGenerations generations, RecordedEvents events,
                                @Qualifier("eventSerializer") Serializer serializer,
                                ObjectProvider<EventUpcaster> upcasters) {
        this.jdbc = jdbc;
        this.generations = generations;
        this.events = events;
        this.serializer = serializer;
        this.storedPayloads = upcasters.stream().findAny().isEmpty();
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The rows of one batch, inserted as one JDBC batch at its end. */
    private final class Batch {
        final int generation = generations.writeGeneration(NAME);
        final TreeMap<Long, AuditRow> rows = new TreeMap<>();

        /**
         * Inserts the batch's rows. A position already in the table holds either this very event, delivered again
         * after its batch committed (left as it is), or a later event whose position the token gave to a late one
         * that fills a gap (that event's own position comes from the event store). So a redelivery can neither fail
         * the batch nor write an event twice, and a late event is not lost.
         */
        void write() {
            if (rows.isEmpty()) {
                return;
            }
            Map<Long, String> present = recorded(rows.firstKey(), rows.lastKey());
            for (Long position : List.copyOf(rows.keySet())) {
                String recordedId = present.get(position);
                if (recordedId == null) {
                    continue;
                }
                AuditRow row = rows.remove(position);
                if (!recordedId.equals(row.eventId())) {
                    long own = events.globalIndex(row.eventId());
                    if (!rows.containsKey(own) && recorded(own, own).isEmpty()) {
                        rows.put(own, row.at(own));
                    }
                }
            }
            if (!rows.isEmpty()) {
                AuditRows.insert(jdbc, generation, List.copyOf(rows.values()));
            }
        }

        private Map<Long, String> recorded(long first, long last) {
            Map<Long, String> recorded = new HashMap<>();
            // ordered as the primary key: PostgreSQL, with statistics from before a replay filled the generation,
            // otherwise took another index on generation and read the whole generation for every batch
            jdbc.query("SELECT global_position, event_id FROM audit_event WHERE generation = ? "
                    + "AND global_position BETWEEN ? AND ? ORDER BY generation, global_position", rs -> {
                recorded.put(rs.getLong(1), rs.getString(2));
            }, generation, first, last);
            return recorded;
        }
    }

    @EventHandler
    void on(DomainEventMessage<?> event, TrackingToken token) throws Exception {
        long position = token.position().orElseThrow(() -> new IllegalStateException("the token has no position"));
        Batch batch = BatchResources.current(NAME, Batch::new, Batch::write, b -> { });
        AuditRow taken = batch.rows.get(position);
        if (taken != null && !event.getIdentifier().equals(taken.eventId())) {
            // committed after later events, it fills a gap: the token stays at the newest position it has seen
            position = events.globalIndex(event.getIdentifier());
        }
        String aggregateId = event.getAggregateIdentifier();
        Revision revision = event.getPayloadType().getAnnotation(Revision.class);
        StoredJson.Content content = storedPayloads ? StoredJson.fromStore(event, serializer)
                : StoredJson.fromRecord(event, serializer);
        String[] metadata = content.metadata();
        batch.rows.put(position, new AuditRow(position, event.getIdentifier(), event.getPayloadType().getSimpleName(),
                revision == null ? null : revision.value(), aggregateId, incidentId(event), content.occurredAt(),
                content.recordedAt(), metadata[0], metadata[1], metadata[2], metadata[3], metadata[4],
                content.payload()));
    }

    /** The incident an event belongs to; component and maintenance streams belong to none. */
    private static String incidentId(DomainEventMessage<?> event) {
        return AggregateTypes.INCIDENT.equals(event.getType()) ? event.getAggregateIdentifier() : null;
    }

    @ResetHandler
    void onReset() {
        var state = generations.current(NAME);
        if (state.replaying()) {
            deleteGeneration(state.building());
        }
    }

    @Override
    public void deleteGeneration(int generation) {
        jdbc.update("DELETE FROM audit_event WHERE generation = ?", generation);
    }
}
