-- Incident metrics from lifecycle times. The metrics read model's document now keeps, beside the public view, the
-- lifecycle times responders recorded, the resolving update, the highest impact and every component touched, so the
-- documents stored before cannot be read: they are dropped, with the processor's tokens and per-incident progress,
-- and the processor rebuilds the read model from the start of the event store when the application starts.
-- The new columns serve the Prometheus export, which reads them for a trailing window without parsing documents:
-- the highest impact, the components touched (",a,b,") and each measure in milliseconds (null while unknown).
DELETE FROM incident_metrics;
DELETE FROM projection_progress WHERE projection = 'incident-metrics';
DELETE FROM TokenEntry WHERE processorName = 'incident-metrics';
UPDATE projection_generation SET building_generation = NULL, replay_started_at = NULL, replay_target_position = NULL
    WHERE projection = 'incident-metrics';

ALTER TABLE incident_metrics ADD COLUMN impact VARCHAR(20) NOT NULL;
ALTER TABLE incident_metrics ADD COLUMN component_ids CLOB NOT NULL;
ALTER TABLE incident_metrics ADD COLUMN time_to_detect_ms BIGINT;
ALTER TABLE incident_metrics ADD COLUMN time_to_acknowledge_ms BIGINT;
ALTER TABLE incident_metrics ADD COLUMN time_to_mitigate_ms BIGINT;
ALTER TABLE incident_metrics ADD COLUMN time_to_first_public_update_ms BIGINT;
ALTER TABLE incident_metrics ADD COLUMN time_to_resolve_ms BIGINT;
