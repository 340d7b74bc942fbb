-- The read store: the read models and the processors' tokens, which commit together. It has its own schema history
-- (read_store_schema_history), so it can live in another database than the event store (incident.read-store.*).
-- Up to V13 these tables were created with the event store (V1, V3-V6 in db/migration); on such a database, which
-- keeps being the read store unless another is configured, IF NOT EXISTS leaves them as they are.
CREATE TABLE IF NOT EXISTS TokenEntry (
    processorName VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA,
    tokenType     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    PRIMARY KEY (processorName, segment)
);

CREATE TABLE IF NOT EXISTS projection_generation (
    projection               VARCHAR(100)             NOT NULL PRIMARY KEY,
    active_generation        INTEGER                  NOT NULL,
    building_generation      INTEGER,
    replay_started_at        TIMESTAMP WITH TIME ZONE,
    replay_target_position   BIGINT,
    last_replay_completed_at TIMESTAMP WITH TIME ZONE
);
INSERT INTO projection_generation (projection, active_generation) VALUES ('public-view', 1) ON CONFLICT DO NOTHING;
INSERT INTO projection_generation (projection, active_generation) VALUES ('audit-trail', 1) ON CONFLICT DO NOTHING;
INSERT INTO projection_generation (projection, active_generation) VALUES ('incident-metrics', 1) ON CONFLICT DO NOTHING;

CREATE TABLE IF NOT EXISTS public_incident (
    generation  INTEGER                  NOT NULL,
    incident_id VARCHAR(128)             NOT NULL,
    visible     BOOLEAN                  NOT NULL,
    resolved    BOOLEAN                  NOT NULL,
    declared_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    document    TEXT                     NOT NULL,
    PRIMARY KEY (generation, incident_id)
);
CREATE INDEX IF NOT EXISTS ix_public_incident_recent ON public_incident (generation, visible, declared_at);
CREATE INDEX IF NOT EXISTS ix_public_incident_updated ON public_incident (generation, visible, updated_at);

CREATE TABLE IF NOT EXISTS public_component (
    generation   INTEGER      NOT NULL,
    component_id VARCHAR(128) NOT NULL,
    document     TEXT         NOT NULL,
    PRIMARY KEY (generation, component_id)
);

CREATE TABLE IF NOT EXISTS audit_event (
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
    payload         TEXT                     NOT NULL,
    PRIMARY KEY (generation, global_position)
);
CREATE INDEX IF NOT EXISTS ix_audit_event_incident ON audit_event (generation, incident_id, global_position);
CREATE INDEX IF NOT EXISTS ix_audit_event_actor ON audit_event (generation, actor, global_position);
CREATE INDEX IF NOT EXISTS ix_audit_event_recorded ON audit_event (generation, recorded_at);

CREATE TABLE IF NOT EXISTS incident_metrics (
    generation  INTEGER                  NOT NULL,
    incident_id VARCHAR(128)             NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    document    TEXT                     NOT NULL,
    PRIMARY KEY (generation, incident_id)
);
CREATE INDEX IF NOT EXISTS ix_incident_metrics_started ON incident_metrics (generation, started_at);

-- Which event store these read models were built from: its identity (event_store_identity.id), and where it was
-- when the read store adopted it. One row; the start-up check refuses to run the read models against another store.
CREATE TABLE read_store_identity (
    singleton            BOOLEAN                  DEFAULT TRUE NOT NULL PRIMARY KEY CHECK (singleton),
    event_store_id       VARCHAR(36)              NOT NULL,
    event_store_location VARCHAR(2000)            NOT NULL,
    adopted_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
