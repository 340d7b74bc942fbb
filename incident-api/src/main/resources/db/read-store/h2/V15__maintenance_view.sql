-- Scheduled maintenances as the public sees them: one JSON document per maintenance and generation, with the columns
-- the page and the automatic transitions select on.
CREATE TABLE public_maintenance (
    generation      INTEGER                  NOT NULL,
    maintenance_id  VARCHAR(128)             NOT NULL,
    status          VARCHAR(20)              NOT NULL,
    scheduled_for   TIMESTAMP WITH TIME ZONE NOT NULL,
    scheduled_until TIMESTAMP WITH TIME ZONE NOT NULL,
    auto_start      BOOLEAN                  NOT NULL,
    auto_complete   BOOLEAN                  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    document        CLOB                     NOT NULL,
    PRIMARY KEY (generation, maintenance_id)
);
CREATE INDEX ix_public_maintenance_status ON public_maintenance (generation, status, scheduled_for);
CREATE INDEX ix_public_maintenance_recent ON public_maintenance (generation, created_at);

INSERT INTO projection_generation (projection, active_generation) VALUES ('maintenance-view', 1);
