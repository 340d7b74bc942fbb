package io.incidenttimeline.projections.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;

class CheckpointSignaturesTest {

    private final KeyPair server = Ed25519Keys.generate();
    private final CheckpointSigner signer = new CheckpointSigner(server);
    private final Checkpoint checkpoint = new Checkpoint(7, "ab".repeat(32), "2026-01-02T03:04:05Z");

    @Test
    void theSignatureCoversTheCanonicalCheckpoint() {
        SignedCheckpoint signed = signer.sign(checkpoint);

        assertThat(new String(checkpoint.canonicalBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"createdAt\":\"2026-01-02T03:04:05Z\",\"headHash\":\"" + "ab".repeat(32) + "\",\"position\":7}");
        assertThat(CheckpointSignatures.verify(server.getPublic(), checkpoint.canonicalBytes(), signed.signature())).isTrue();
        assertThat(signer.isValid(signed)).isTrue();
    }

    @Test
    void aChangedCheckpointNoLongerVerifies() {
        SignedCheckpoint signed = signer.sign(checkpoint);

        SignedCheckpoint moved = new SignedCheckpoint(new Checkpoint(8, checkpoint.headHash(), checkpoint.createdAt()),
                signed.signature());
        assertThat(signer.isValid(moved)).isFalse();
    }

    @Test
    void aSignatureByAnotherKeyIsRefused() {
        SignedCheckpoint forged = new CheckpointSigner(Ed25519Keys.generate()).sign(checkpoint);

        assertThat(signer.isValid(forged)).isFalse();
    }

    @Test
    void aSignatureThatIsNotBase64OrNotEd25519SizedIsRefused() {
        assertThat(signer.isValid(new SignedCheckpoint(checkpoint, "not base64!"))).isFalse();
        assertThat(signer.isValid(new SignedCheckpoint(checkpoint, "AAAA"))).isFalse();
        assertThat(signer.isValid(new SignedCheckpoint(checkpoint, null))).isFalse();
    }
}
