-- The application instances sharing this database, each with the time it last said it was alive. A node's share of
-- every event processor's segments is the segment count divided by the nodes seen within the claim timeout.
CREATE TABLE processing_node (
    node_name   VARCHAR(255)             NOT NULL PRIMARY KEY,
    instance_id VARCHAR(36)              NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen   TIMESTAMP WITH TIME ZONE NOT NULL
);
