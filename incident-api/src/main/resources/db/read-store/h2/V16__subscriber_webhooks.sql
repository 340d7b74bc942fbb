-- Subscriber webhooks (README, "Subscriber webhooks"). Subscribers are configuration, not history: they live here and
-- never in the event store, so their signing secrets stay out of the append-only, exported, hash-chained events.
CREATE TABLE webhook_subscriber (
    subscriber_id         VARCHAR(64)              NOT NULL PRIMARY KEY,
    url                   VARCHAR(2000)            NOT NULL,
    secret                VARCHAR(256)             NOT NULL,
    secret_hint           VARCHAR(40)              NOT NULL,
    components            CLOB,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by            VARCHAR(200)             NOT NULL,
    -- events at or before this global index happened before the subscriber existed and are never sent to it
    starts_after_position BIGINT                   NOT NULL
);

-- The outbox: one row per delivery, written by the subscriber-webhooks processor in the transaction that advances its
-- token. The key is derived from (subscriber, event, subject), so a replayed processor finds its rows and adds none.
CREATE TABLE webhook_delivery (
    delivery_id      VARCHAR(36)              NOT NULL PRIMARY KEY,
    subscriber_id    VARCHAR(64)              NOT NULL,
    event_id         VARCHAR(255)             NOT NULL,
    subject          VARCHAR(200)             NOT NULL,
    kind             VARCHAR(20)              NOT NULL,
    event_position   BIGINT                   NOT NULL,
    payload          CLOB                     NOT NULL,
    status           VARCHAR(16)              NOT NULL,
    attempts         INTEGER                  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE,
    claimed_until    TIMESTAMP WITH TIME ZONE,
    delivered_at     TIMESTAMP WITH TIME ZONE,
    last_status_code INTEGER,
    last_error       VARCHAR(1000),
    CONSTRAINT uk_webhook_delivery_event UNIQUE (subscriber_id, event_id, subject)
);
CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX ix_webhook_delivery_log ON webhook_delivery (subscriber_id, event_position);

CREATE TABLE webhook_delivery_attempt (
    delivery_id  VARCHAR(36)              NOT NULL,
    attempt      INTEGER                  NOT NULL,
    attempted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    status_code  INTEGER,
    error        VARCHAR(1000),
    duration_ms  BIGINT                   NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
);

-- The processor's own fold of the public view (the same PublicIncidentFold), so that it knows what the public saw
-- before and after each event at its own position in the stream, whatever the public-view processor's position.
CREATE TABLE webhook_public_incident (
    incident_id VARCHAR(128) NOT NULL PRIMARY KEY,
    is_open     BOOLEAN      NOT NULL,
    document    CLOB         NOT NULL
);
CREATE INDEX ix_webhook_public_incident_open ON webhook_public_incident (is_open);

CREATE TABLE webhook_public_component (
    component_id VARCHAR(128) NOT NULL PRIMARY KEY,
    document     CLOB         NOT NULL
);

-- The processor's copy of the maintenances, so that a maintenance starting or ending sends the component_update
-- deliveries of the components it puts under maintenance or gives back.
CREATE TABLE webhook_public_maintenance (
    maintenance_id VARCHAR(128) NOT NULL PRIMARY KEY,
    is_active      BOOLEAN      NOT NULL,
    document       CLOB         NOT NULL
);
CREATE INDEX ix_webhook_public_maintenance_active ON webhook_public_maintenance (is_active);
