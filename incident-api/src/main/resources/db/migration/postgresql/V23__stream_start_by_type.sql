-- The first event of each stream by the stored aggregate type: time travel lists the component and maintenance
-- streams by their type without reading the whole event store. It replaces V16's index on an id prefix.
CREATE INDEX ix_domain_event_stream_start_type ON DomainEventEntry (type, globalIndex) WHERE sequenceNumber = 0;
DROP INDEX ix_domain_event_stream_start;
