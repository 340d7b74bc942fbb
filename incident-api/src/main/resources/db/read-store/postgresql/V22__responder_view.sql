-- The responder view: every incident as responders know it (internal updates included) and every component of the
-- catalogue (retired ones included), one JSON document each per generation. The incident columns serve the lists:
-- newest declaration first, by id among equal times, filtered by status, visibility and any component named
-- (component_ids holds ",a,b,"). status is null only between a declaration's two events, which lists leave out.
CREATE TABLE responder_incident (
    generation    INTEGER                  NOT NULL,
    incident_id   VARCHAR(128)             NOT NULL,
    declared_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    status        VARCHAR(20),
    resolved      BOOLEAN                  NOT NULL,
    visible       BOOLEAN                  NOT NULL,
    component_ids TEXT                     NOT NULL,
    document      TEXT                     NOT NULL,
    PRIMARY KEY (generation, incident_id)
);
CREATE INDEX ix_responder_incident_latest ON responder_incident (generation, declared_at DESC, incident_id);
CREATE INDEX ix_responder_incident_open ON responder_incident (generation, resolved);

CREATE TABLE responder_component (
    generation   INTEGER      NOT NULL,
    component_id VARCHAR(128) NOT NULL,
    document     TEXT         NOT NULL,
    PRIMARY KEY (generation, component_id)
);

INSERT INTO projection_generation (projection, active_generation) VALUES ('responder-view', 1);
