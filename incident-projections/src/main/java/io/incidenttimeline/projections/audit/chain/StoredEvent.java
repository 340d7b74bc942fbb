package io.incidenttimeline.projections.audit.chain;

/**
 * One row of Axon's DomainEventEntry exactly as stored: the chain covers these bytes, not a re-serialized Java object.
 *
 * @param position the row's globalIndex
 */
public record StoredEvent(long position, String eventId, String payloadType, String revision, String aggregateType,
                          String aggregateId, long sequenceNumber, String recordedAt, byte[] metadata, byte[] payload) {
}
