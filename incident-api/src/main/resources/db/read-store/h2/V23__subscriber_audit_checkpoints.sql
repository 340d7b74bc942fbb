-- A subscriber may also receive every signed audit checkpoint (README, "Subscriber webhooks"): an auditor's receiver.
-- Off for every existing subscriber, who keeps receiving public changes only.
ALTER TABLE webhook_subscriber ADD COLUMN audit_checkpoints BOOLEAN DEFAULT FALSE NOT NULL;
