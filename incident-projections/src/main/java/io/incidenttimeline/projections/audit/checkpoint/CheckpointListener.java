package io.incidenttimeline.projections.audit.checkpoint;

/** Told of each checkpoint once it is signed and stored, to carry it out of the database (webhooks). */
public interface CheckpointListener {

    void signed(PublishedCheckpoint checkpoint);
}
