-- Idempotency keys per caller with the first response, claimed in the same transaction as the command's events.
CREATE TABLE idempotency_record (
    principal             VARCHAR(200)             NOT NULL,
    idempotency_key       VARCHAR(255)             NOT NULL,
    request_fingerprint   CHAR(64)                 NOT NULL,
    response_status       INTEGER,
    response_content_type VARCHAR(100),
    response_location     VARCHAR(2000),
    response_etag         VARCHAR(100),
    response_body         TEXT,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (principal, idempotency_key)
);
