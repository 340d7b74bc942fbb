-- Component status history: per incident the public facts about its components, and the status intervals they
-- amount to (the uptime bars of the status page). One row set per generation, like every read model.
CREATE TABLE component_history_incident (
    generation  INTEGER      NOT NULL,
    incident_id VARCHAR(128) NOT NULL,
    document    TEXT         NOT NULL,
    PRIMARY KEY (generation, incident_id)
);

CREATE TABLE component_status_interval (
    generation   INTEGER                  NOT NULL,
    incident_id  VARCHAR(128)             NOT NULL,
    ordinal      INTEGER                  NOT NULL,
    component_id VARCHAR(128)             NOT NULL,
    status       VARCHAR(32)              NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at     TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (generation, incident_id, ordinal)
);
CREATE INDEX ix_component_status_interval_started ON component_status_interval (generation, started_at);

INSERT INTO projection_generation (projection, active_generation) VALUES ('component-history', 1);
