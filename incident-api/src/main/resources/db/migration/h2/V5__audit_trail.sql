-- The audit trail: one row per stored event, per generation, keyed by its global position in the event store.
CREATE TABLE audit_event (
    generation      INTEGER                  NOT NULL,
    global_position BIGINT                   NOT NULL,
    event_id        VARCHAR(255)             NOT NULL,
    event_type      VARCHAR(255)             NOT NULL,
    revision        VARCHAR(50),
    aggregate_id    VARCHAR(255)             NOT NULL,
    incident_id     VARCHAR(128),
    occurred_at     TIMESTAMP WITH TIME ZONE,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    actor           VARCHAR(200),
    role            VARCHAR(50),
    channel         VARCHAR(50),
    correlation_id  VARCHAR(255),
    idempotency_key VARCHAR(255),
    payload         CLOB                     NOT NULL,
    PRIMARY KEY (generation, global_position)
);
CREATE INDEX ix_audit_event_incident ON audit_event (generation, incident_id, global_position);
CREATE INDEX ix_audit_event_actor ON audit_event (generation, actor, global_position);
CREATE INDEX ix_audit_event_recorded ON audit_event (generation, recorded_at);
