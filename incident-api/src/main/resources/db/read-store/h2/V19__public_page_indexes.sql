-- The public page's queries read only the rows they return, so summary.json costs the same with a hundred thousand
-- resolved incidents as with ten: the open incidents through their own index, the most recently changed and the
-- most recently declared incidents through indexes in the order the queries ask for (the queries name generation
-- and visible first in ORDER BY so that H2 sorts by the index too).
CREATE INDEX IF NOT EXISTS ix_public_incident_open ON public_incident (generation, resolved, visible, declared_at);
DROP INDEX IF EXISTS ix_public_incident_updated;
CREATE INDEX IF NOT EXISTS ix_public_incident_last_changed ON public_incident (generation, visible, updated_at DESC, incident_id);
DROP INDEX IF EXISTS ix_public_incident_recent;
CREATE INDEX IF NOT EXISTS ix_public_incident_latest ON public_incident (generation, visible, declared_at DESC, incident_id);
