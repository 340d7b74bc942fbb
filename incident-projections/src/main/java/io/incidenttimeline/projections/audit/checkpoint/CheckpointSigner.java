package io.incidenttimeline.projections.audit.checkpoint;

import java.security.KeyPair;

/** The server's signing key: signs checkpoints, checks stored ones, and publishes its public half. */
public final class CheckpointSigner {

    private final KeyPair keys;
    private final String publicKeyPem;

    public CheckpointSigner(KeyPair keys) {
        this.keys = keys;
        this.publicKeyPem = Ed25519Keys.publicKeyPem(keys.getPublic());
    }

    public SignedCheckpoint sign(Checkpoint checkpoint) {
        return new SignedCheckpoint(checkpoint, CheckpointSignatures.sign(keys.getPrivate(), checkpoint.canonicalBytes()));
    }

    public boolean isValid(SignedCheckpoint signed) {
        return CheckpointSignatures.verify(keys.getPublic(), signed.checkpoint().canonicalBytes(), signed.signature());
    }

    public String publicKeyPem() {
        return publicKeyPem;
    }
}
