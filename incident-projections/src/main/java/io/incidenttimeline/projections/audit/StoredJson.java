package io.incidenttimeline.projections.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.incidenttimeline.core.shared.DomainEvent;
import io.incidenttimeline.core.shared.EventJson;
import io.incidenttimeline.projections.support.RecordedEvents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;

/**
 * What the audit trail keeps of an event, taken from the JSON the event store holds rather than from the event record
 * and metadata map built from it: the payload as stored (what {@link EventJson}'s mapper writes for the record it reads
 * from, the same mapper having written it), its two times and five metadata values picked out of the stored JSON by a
 * streaming parser. A message that was not read from the store is serialized by the same serializer, so the result is
 * the same either way. Upcast payloads are not stored bytes: {@link #fromRecord} writes the upcast record instead.
 */
final class StoredJson {

    private static final ObjectMapper EVENT_JSON = EventJson.objectMapper();
    private static final JsonFactory JSON = EVENT_JSON.getFactory();
    /** Instants as the event records read them: the mapper's own deserializer, not a parser of our own. */
    private static final ObjectReader INSTANT = EVENT_JSON.readerFor(Instant.class);

    private StoredJson() {
    }

    /** The payload as stored, its times, and the audit metadata. */
    static Content fromStore(DomainEventMessage<?> event, Serializer serializer) throws IOException {
        byte[] payload = event.serializePayload(serializer, byte[].class).getData();
        Instant occurredAt = null;
        Instant recordedAt = null;
        if (DomainEvent.class.isAssignableFrom(event.getPayloadType())) {
            Instant[] times = times(payload);
            occurredAt = times[0];
            recordedAt = times[1];
        }
        return new Content(new String(payload, StandardCharsets.UTF_8), occurredAt,
                recordedAt != null ? recordedAt : event.getTimestamp(), metadata(event, serializer));
    }

    /** The payload record written again by the mapper, for payloads that upcasters may have changed. */
    static Content fromRecord(DomainEventMessage<?> event, Serializer serializer) throws IOException {
        Object payload = event.getPayload();
        return new Content(EVENT_JSON.writeValueAsString(payload),
                payload instanceof DomainEvent domainEvent ? domainEvent.occurredAt() : null,
                RecordedEvents.recordedAt(event), metadata(event, serializer));
    }

    /** {@code occurredAt} and {@code recordedAt} of a payload object; the last occurrence wins, as for the record. */
    private static Instant[] times(byte[] payload) throws IOException {
        Instant[] times = new Instant[2];
        try (JsonParser parser = JSON.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the stored payload is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                switch (name) {
                    case "occurredAt" -> times[0] = INSTANT.readValue(parser);
                    case "recordedAt" -> times[1] = INSTANT.readValue(parser);
                    default -> parser.skipChildren();
                }
            }
        }
        return times;
    }

    /**
     * The five audit values of the stored metadata. A value that is not a JSON string or null (never written by
     * this application) is read from the deserialized metadata instead, as its {@code toString()}.
     */
    private static String[] metadata(DomainEventMessage<?> event, Serializer serializer) throws IOException {
        String[] values = new String[AuditMetadataKey.COUNT];
        byte[] stored = event.serializeMetaData(serializer, byte[].class).getData();
        try (JsonParser parser = JSON.createParser(stored)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return deserialized(event.getMetaData());
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                int key = AuditMetadataKey.index(parser.currentName());
                JsonToken value = parser.nextToken();
                if (key < 0) {
                    parser.skipChildren();
                } else if (value == JsonToken.VALUE_STRING) {
                    values[key] = parser.getText();
                } else if (value == JsonToken.VALUE_NULL) {
                    values[key] = null;
                } else {
                    return deserialized(event.getMetaData());
                }
            }
        }
        return values;
    }

    private static String[] deserialized(MetaData metadata) {
        String[] values = new String[AuditMetadataKey.COUNT];
        for (int key = 0; key < AuditMetadataKey.COUNT; key++) {
            Object value = metadata.get(AuditMetadataKey.NAMES[key]);
            values[key] = value == null ? null : value.toString();
        }
        return values;
    }

    /** The metadata keys the audit trail keeps, in the order of {@link Content#metadata()}. */
    static final class AuditMetadataKey {
        static final String[] NAMES = {"actor", "role", "channel", "correlationId", "idempotencyKey"};
        static final int COUNT = NAMES.length;

        private AuditMetadataKey() {
        }

        static int index(String name) {
            return switch (name) {
                case "actor" -> 0;
                case "role" -> 1;
                case "channel" -> 2;
                case "correlationId" -> 3;
                case "idempotencyKey" -> 4;
                default -> -1;
            };
        }
    }

    /**
     * @param metadata actor, role, channel, correlationId and idempotencyKey, each null when absent
     */
    record Content(String payload, Instant occurredAt, Instant recordedAt, String[] metadata) {
    }
}
