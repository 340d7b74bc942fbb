-- Which generation of each read model queries read, and which one a replay is building beside it.
CREATE TABLE projection_generation (
    projection               VARCHAR(100)             NOT NULL PRIMARY KEY,
    active_generation        INTEGER                  NOT NULL,
    building_generation      INTEGER,
    replay_started_at        TIMESTAMP WITH TIME ZONE,
    replay_target_position   BIGINT,
    last_replay_completed_at TIMESTAMP WITH TIME ZONE
);
INSERT INTO projection_generation (projection, active_generation) VALUES ('public-view', 1);
INSERT INTO projection_generation (projection, active_generation) VALUES ('audit-trail', 1);
INSERT INTO projection_generation (projection, active_generation) VALUES ('incident-metrics', 1);
