-- The first event of each stream, searchable by a prefix of its aggregate id under any collation: time travel lists
-- the component streams (LIKE 'component:%') without reading the whole event store. (H2 uses the unique key for that.)
CREATE INDEX ix_domain_event_stream_start ON DomainEventEntry (aggregateIdentifier text_pattern_ops) WHERE sequenceNumber = 0;
