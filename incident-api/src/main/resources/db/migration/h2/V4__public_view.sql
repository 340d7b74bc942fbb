-- The public status view: one JSON document per incident and per component, per generation. Public content only.
CREATE TABLE public_incident (
    generation  INTEGER                  NOT NULL,
    incident_id VARCHAR(128)             NOT NULL,
    visible     BOOLEAN                  NOT NULL,
    resolved    BOOLEAN                  NOT NULL,
    declared_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    document    CLOB                     NOT NULL,
    PRIMARY KEY (generation, incident_id)
);
CREATE INDEX ix_public_incident_recent ON public_incident (generation, visible, declared_at);
CREATE INDEX ix_public_incident_updated ON public_incident (generation, visible, updated_at);

CREATE TABLE public_component (
    generation   INTEGER      NOT NULL,
    component_id VARCHAR(128) NOT NULL,
    document     CLOB         NOT NULL,
    PRIMARY KEY (generation, component_id)
);
