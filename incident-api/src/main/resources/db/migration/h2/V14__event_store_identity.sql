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
INSERT INTO event_store_identity (id, created_at) VALUES (CAST(RANDOM_UUID() AS VARCHAR(36)), CURRENT_TIMESTAMP);
