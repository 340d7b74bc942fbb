-- A subscriber may also receive the promise reminders of incidents (README, "Subscriber webhooks"): an internal
-- responders' receiver. Off for every existing subscriber, who keeps receiving public changes only.
ALTER TABLE webhook_subscriber ADD COLUMN responder_reminders BOOLEAN DEFAULT FALSE NOT NULL;
