-- Email subscriptions (README, "Subscribing by email") and the mail outbox. Readers' addresses are personal data: they
-- live here, never in the event store, and these tables are primary data, not projections: no replay, generation or
-- read-store reset touches them. Erasing a subscriber deletes its subscription row and every mail queued or sent to it.
CREATE TABLE email_subscription (
    subscription_id    VARCHAR(40)              NOT NULL PRIMARY KEY,
    email              VARCHAR(320)             NOT NULL,
    -- a JSON array of component ids; null for every component
    components         CLOB,
    locale             VARCHAR(35),
    zone               VARCHAR(64),
    -- pending (not confirmed yet), confirmed, or suspended (a permanent delivery failure)
    status             VARCHAR(16)              NOT NULL,
    -- the nonce of the one confirmation link that may still be followed; null once it has been
    confirmation_nonce VARCHAR(64),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at       TIMESTAMP WITH TIME ZONE,
    suspended_at       TIMESTAMP WITH TIME ZONE,
    suspended_reason   VARCHAR(1000),
    CONSTRAINT uk_email_subscription_email UNIQUE (email)
);
CREATE INDEX ix_email_subscription_status ON email_subscription (status, created_at);

-- One row per mail to send; the key is chosen by whoever composes the mail, so a mail decided twice is queued once.
CREATE TABLE mail_outbox (
    mail_key        VARCHAR(300)             NOT NULL PRIMARY KEY,
    subscription_id VARCHAR(40)              NOT NULL,
    recipient       VARCHAR(320)             NOT NULL,
    subject         VARCHAR(1000)            NOT NULL,
    body_text       CLOB                     NOT NULL,
    body_html       CLOB,
    -- a JSON object of extra headers (List-Unsubscribe and the like)
    headers         CLOB,
    status          VARCHAR(16)              NOT NULL,
    attempts        INTEGER                  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    claimed_until   TIMESTAMP WITH TIME ZONE,
    sent_at         TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(1000)
);
CREATE INDEX ix_mail_outbox_due ON mail_outbox (status, next_attempt_at);
CREATE INDEX ix_mail_outbox_subscription ON mail_outbox (subscription_id);
