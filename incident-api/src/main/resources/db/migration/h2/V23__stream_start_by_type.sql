-- The first event of each stream by the stored aggregate type: time travel lists the component and maintenance
-- streams by their type without reading the whole event store (H2 has no partial indexes).
CREATE INDEX ix_domain_event_stream_start_type ON DomainEventEntry (type, sequenceNumber, globalIndex);
