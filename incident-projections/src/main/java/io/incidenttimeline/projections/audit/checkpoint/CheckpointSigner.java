package io.incidenttimeline.projections.audit.checkpoint;

import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.HexFormat;

/** The server's signing key: signs checkpoints, checks stored ones, and publishes its public half. */
public final class CheckpointSigner {

    private final KeyPair keys;
    private final String publicKeyPem;
    private final String keyId;

    public CheckpointSigner(KeyPair keys) {
        this.keys = keys;
        this.publicKeyPem = Ed25519Keys.publicKeyPem(keys.getPublic());
        this.keyId = keyId(keys.getPublic());
    }

    /** The SHA-256 (hex) of the key's SubjectPublicKeyInfo (the DER inside the PEM), as RFC 9162 names a log's key. */
    public static String keyId(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public SignedCheckpoint sign(Checkpoint checkpoint) {
        return new SignedCheckpoint(checkpoint, CheckpointSignatures.sign(keys.getPrivate(), checkpoint.canonicalBytes()));
    }

    public boolean isValid(SignedCheckpoint signed) {
        return CheckpointSignatures.verify(keys.getPublic(), signed.checkpoint().canonicalBytes(), signed.signature());
    }

    public PublishedCheckpoint publish(SignedCheckpoint signed) {
        return new PublishedCheckpoint(signed.checkpoint(), signed.signature(), keyId);
    }

    public String publicKeyPem() {
        return publicKeyPem;
    }

    public String keyId() {
        return keyId;
    }
}
