-- A new event store's schema as of V16, without the read-model tables and the token table that V1 and V3-V6
-- created before the read store had migrations of its own (db/read-store): Flyway runs this baseline
-- migration instead of V1-V16 on an empty database only; stores migrated before keep their history.

-- Axon's JDBC event store and snapshot tables; names and columns are Axon's defaults (EventSchema).
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

-- Idempotency keys per caller with the first response, claimed in the same transaction as the command's events.
CREATE TABLE idempotency_record (
    principal             VARCHAR(200)             NOT NULL,
    idempotency_key       VARCHAR(255)             NOT NULL,
    request_fingerprint   CHAR(64)                 NOT NULL,
    response_status       INTEGER,
    response_content_type VARCHAR(100),
    response_location     VARCHAR(2000),
    response_etag         VARCHAR(100),
    response_body         TEXT,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (principal, idempotency_key)
);

-- The audit hash chain: for every event, in global order, the chain hash through it (README, "Verifying the audit
-- trail"). Derived from DomainEventEntry and kept so that verification can name the event that disagrees.
CREATE TABLE audit_chain_entry (
    position BIGINT       NOT NULL PRIMARY KEY,
    event_id VARCHAR(255) NOT NULL,
    hash     CHAR(64)     NOT NULL
);
CREATE INDEX ix_audit_chain_entry_event ON audit_chain_entry (event_id);

-- Signed checkpoints of the chain's head, kept exactly as signed (created_at is the signed string).
CREATE TABLE audit_checkpoint (
    id         BIGSERIAL    PRIMARY KEY,
    position   BIGINT       NOT NULL,
    head_hash  VARCHAR(64)  NOT NULL,
    created_at VARCHAR(40)  NOT NULL,
    signature  VARCHAR(200) NOT NULL
);
CREATE INDEX ix_audit_checkpoint_position ON audit_checkpoint (position);

-- The event store's identity: a random id written once, when the store is created (or first upgraded to this
-- version), and never changed. Read stores record the identity they were built from (read_store_identity), and the
-- application refuses to start when they disagree: a configuration pointing at the wrong database stops it at once.
-- This location (db/migration) holds the event store's side: events, snapshots, idempotency records, audit chain.
-- Read models and the processors' tokens are migrated from db/read-store, with a schema history of their own.
CREATE TABLE event_store_identity (
    singleton  BOOLEAN                  DEFAULT TRUE NOT NULL PRIMARY KEY CHECK (singleton),
    id         VARCHAR(36)              NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO event_store_identity (id, created_at) VALUES (CAST(gen_random_uuid() AS VARCHAR(36)), CURRENT_TIMESTAMP);

-- The first event of each stream, searchable by a prefix of its aggregate id under any collation: time travel lists
-- the component streams (LIKE 'component:%') without reading the whole event store. (H2 uses the unique key for that.)
CREATE INDEX ix_domain_event_stream_start ON DomainEventEntry (aggregateIdentifier text_pattern_ops) WHERE sequenceNumber = 0;
