package io.incidenttimeline.projections.audit.checkpoint;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/** Ed25519 over the RFC 8785 bytes of a checkpoint; signatures travel as standard base64. Spring-free. */
public final class CheckpointSignatures {

    private CheckpointSignatures() {
    }

    public static String sign(PrivateKey key, byte[] canonicalCheckpoint) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(canonicalCheckpoint);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a checkpoint", e);
        }
    }

    /** False for a wrong signature, and for one that is not base64 or not 64 bytes. */
    public static boolean verify(PublicKey key, byte[] canonicalCheckpoint, String signatureBase64) {
        if (signatureBase64 == null) {
            return false;
        }
        try {
            byte[] signature = Base64.getDecoder().decode(signatureBase64);
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(canonicalCheckpoint);
            return verifier.verify(signature);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }
}
