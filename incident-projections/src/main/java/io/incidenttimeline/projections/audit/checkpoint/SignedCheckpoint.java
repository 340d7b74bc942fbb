package io.incidenttimeline.projections.audit.checkpoint;

/** A checkpoint with its Ed25519 signature (base64), as served and as written into exports. */
public record SignedCheckpoint(Checkpoint checkpoint, String signature) {
}
