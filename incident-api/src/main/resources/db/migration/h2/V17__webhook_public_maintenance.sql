-- The webhook processor's copy of the maintenances, so that a maintenance starting or ending sends the
-- component_update deliveries of the components it puts under maintenance or gives back.
CREATE TABLE webhook_public_maintenance (
    maintenance_id VARCHAR(128) NOT NULL PRIMARY KEY,
    is_active      BOOLEAN      NOT NULL,
    document       CLOB         NOT NULL
);
CREATE INDEX ix_webhook_public_maintenance_active ON webhook_public_maintenance (is_active);
