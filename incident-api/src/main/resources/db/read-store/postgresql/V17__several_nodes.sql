-- The application instances sharing this database, each with the time it last said it was alive. A node's share of
-- every event processor's segments is the segment count divided by the nodes seen within the claim timeout.
CREATE TABLE processing_node (
    node_name   VARCHAR(255)             NOT NULL PRIMARY KEY,
    instance_id VARCHAR(36)              NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen   TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Per read model and generation, the sequence number of the last event applied to each aggregate's rows, so an event
-- delivered a second time is recognised and skipped (an Axon 4 processor with several segments redelivers events
-- around gaps in the global index when it reopens its event stream: on restart or when a segment changes hands).
-- Bookkeeping only: no query reads it and no response shows it.
CREATE TABLE projection_progress (
    projection    VARCHAR(100) NOT NULL,
    generation    INTEGER      NOT NULL,
    aggregate_id  VARCHAR(255) NOT NULL,
    last_sequence BIGINT       NOT NULL,
    PRIMARY KEY (projection, generation, aggregate_id)
);
