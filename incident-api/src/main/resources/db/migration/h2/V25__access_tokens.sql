-- Personal tokens an admin issues at run time (POST /api/v1/admin/tokens): the lower-case hex SHA-256 of each active
-- one, never the token. A row is inserted in the transaction that stores its AccessTokenIssued event and deleted in
-- the one that stores its AccessTokenRevoked event, so this table and the audit trail cannot disagree. Every node
-- looks a presented token up here by its hash on every request, so a revocation holds at once everywhere.
CREATE TABLE access_token (
    name         VARCHAR(63)              NOT NULL PRIMARY KEY,
    role         VARCHAR(20)              NOT NULL,
    token_hash   CHAR(64)                 NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by   VARCHAR(200)             NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_access_token_hash UNIQUE (token_hash)
);
-- When each configured token (incident.security.tokens) was last used; its hash stays in the configuration.
CREATE TABLE configured_token_use (
    name         VARCHAR(200)             NOT NULL PRIMARY KEY,
    last_used_at TIMESTAMP WITH TIME ZONE NOT NULL
);
