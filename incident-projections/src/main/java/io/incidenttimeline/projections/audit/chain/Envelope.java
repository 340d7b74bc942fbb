package io.incidenttimeline.projections.audit.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The envelope of a stored event, the unit the chain hashes: every column of the row except its position, with the
 * stored metadata and payload JSON embedded as JSON. Field names are part of the audit contract (README).
 */
public final class Envelope {

    private Envelope() {
    }

    public static ObjectNode of(StoredEvent event) throws UnreadableEventException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode envelope = nodes.objectNode();
        envelope.put("eventId", event.eventId());
        envelope.put("type", event.payloadType());
        envelope.put("revision", event.revision());
        envelope.put("aggregateType", event.aggregateType());
        envelope.put("aggregateId", event.aggregateId());
        envelope.put("sequenceNumber", event.sequenceNumber());
        envelope.put("recordedAt", event.recordedAt());
        envelope.set("metadata", event.metadata() == null ? nodes.nullNode() : stored(event, "metadata", event.metadata()));
        envelope.set("payload", stored(event, "payload", event.payload()));
        return envelope;
    }

    /** The RFC 8785 bytes of the event's envelope. */
    public static byte[] canonical(StoredEvent event) throws UnreadableEventException {
        try {
            return CanonicalJson.canonicalize(of(event));
        } catch (CanonicalJson.MalformedJsonException e) {
            throw new UnreadableEventException(event.position(), "the envelope " + e.getMessage());
        }
    }

    private static JsonNode stored(StoredEvent event, String column, byte[] bytes) throws UnreadableEventException {
        try {
            return CanonicalJson.parse(bytes);
        } catch (CanonicalJson.MalformedJsonException e) {
            throw new UnreadableEventException(event.position(), "the stored " + column + " " + e.getMessage());
        }
    }
}
