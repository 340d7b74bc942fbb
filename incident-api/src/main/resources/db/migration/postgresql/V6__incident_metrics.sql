-- Incident metrics: per incident the public facts the metrics are computed from, indexed by when impact started.
CREATE TABLE incident_metrics (
    generation  INTEGER                  NOT NULL,
    incident_id VARCHAR(128)             NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    document    TEXT                     NOT NULL,
    PRIMARY KEY (generation, incident_id)
);
CREATE INDEX ix_incident_metrics_started ON incident_metrics (generation, started_at);
