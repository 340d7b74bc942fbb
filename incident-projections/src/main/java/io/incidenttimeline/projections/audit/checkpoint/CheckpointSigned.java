package io.incidenttimeline.projections.audit.checkpoint;

/**
 * Published (as a Spring application event, in the signing thread) once a checkpoint is stored and recorded, so that
 * it can leave the database at once, e.g. to the auditors' webhook receivers.
 */
public record CheckpointSigned(PublishedCheckpoint checkpoint) {
}
