-- The subscriber webhooks' copy of the public page is kept in the same document tables as the read models, which are
-- keyed by generation. The webhook processor is not replayed beside itself: its copy has the one generation 0, as its
-- per-aggregate progress has.
ALTER TABLE webhook_public_incident ADD COLUMN generation INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE webhook_public_component ADD COLUMN generation INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE webhook_public_maintenance ADD COLUMN generation INTEGER DEFAULT 0 NOT NULL;
