-- Mail to email subscribers (README, "Mail to subscribers"). The subscriber-mail processor keeps its own copy of the
-- public view, folded by the same folds at its own position in the stream, so that it knows what the public saw before
-- and after each event whatever the other processors' positions. One generation, as its per-aggregate progress has.
CREATE TABLE mail_public_incident (
    generation  INTEGER      DEFAULT 0 NOT NULL,
    incident_id VARCHAR(128) NOT NULL,
    document    TEXT         NOT NULL,
    PRIMARY KEY (generation, incident_id)
);

CREATE TABLE mail_public_component (
    generation   INTEGER      DEFAULT 0 NOT NULL,
    component_id VARCHAR(128) NOT NULL,
    document     TEXT         NOT NULL,
    PRIMARY KEY (generation, component_id)
);

CREATE TABLE mail_public_maintenance (
    generation     INTEGER      DEFAULT 0 NOT NULL,
    maintenance_id VARCHAR(128) NOT NULL,
    document       TEXT         NOT NULL,
    PRIMARY KEY (generation, maintenance_id)
);

-- When the processor first saw each confirmed subscription: events at or before this global index were stored before
-- it and never reach it, neither when the processor catches up nor when it is replayed.
CREATE TABLE mail_recipient_start (
    subscription_id       VARCHAR(128) NOT NULL PRIMARY KEY,
    starts_after_position BIGINT       NOT NULL
);
