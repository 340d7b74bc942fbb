-- Axon's JDBC event store, token store and snapshot tables; names and columns are Axon's defaults (EventSchema, TokenSchema).
-- Payloads are BYTEA, never OID large objects; the global index has its own sequence, incremented by 1.
CREATE SEQUENCE domain_event_global_index_seq INCREMENT BY 1 START WITH 1;

CREATE TABLE DomainEventEntry (
    globalIndex         BIGINT       NOT NULL DEFAULT nextval('domain_event_global_index_seq') PRIMARY KEY,
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                VARCHAR(255),
    eventIdentifier     VARCHAR(255) NOT NULL,
    metaData            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL,
    CONSTRAINT uk_domain_event_aggregate_sequence UNIQUE (aggregateIdentifier, sequenceNumber),
    CONSTRAINT uk_domain_event_identifier UNIQUE (eventIdentifier)
);
ALTER SEQUENCE domain_event_global_index_seq OWNED BY DomainEventEntry.globalIndex;

CREATE TABLE SnapshotEventEntry (
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                VARCHAR(255) NOT NULL,
    eventIdentifier     VARCHAR(255) NOT NULL,
    metaData            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregateIdentifier, sequenceNumber),
    CONSTRAINT uk_snapshot_event_identifier UNIQUE (eventIdentifier)
);

CREATE TABLE TokenEntry (
    processorName VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA,
    tokenType     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    PRIMARY KEY (processorName, segment)
);
