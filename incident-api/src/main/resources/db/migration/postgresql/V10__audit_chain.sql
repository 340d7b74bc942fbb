-- The audit hash chain: for every event, in global order, the chain hash through it (README, "Verifying the audit
-- trail"). Derived from DomainEventEntry and kept so that verification can name the event that disagrees.
CREATE TABLE audit_chain_entry (
    position BIGINT       NOT NULL PRIMARY KEY,
    event_id VARCHAR(255) NOT NULL,
    hash     CHAR(64)     NOT NULL
);
CREATE INDEX ix_audit_chain_entry_event ON audit_chain_entry (event_id);

-- Signed checkpoints of the chain's head, kept exactly as signed (created_at is the signed string).
CREATE TABLE audit_checkpoint (
    id         BIGSERIAL    PRIMARY KEY,
    position   BIGINT       NOT NULL,
    head_hash  VARCHAR(64)  NOT NULL,
    created_at VARCHAR(40)  NOT NULL,
    signature  VARCHAR(200) NOT NULL
);
CREATE INDEX ix_audit_checkpoint_position ON audit_checkpoint (position);
