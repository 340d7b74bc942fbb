-- Idempotency records keep the outcome of a command (its result or refusal) instead of an HTTP response.
-- Rows written before keep their response columns and stay answerable from them.
ALTER TABLE idempotency_record ADD COLUMN outcome TEXT;
