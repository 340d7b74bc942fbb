package io.incidenttimeline.projections.audit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidenttimeline.projections.audit.chain.CanonicalJson;
import io.incidenttimeline.projections.audit.chain.ChainHash;
import io.incidenttimeline.projections.audit.checkpoint.Checkpoint;
import io.incidenttimeline.projections.audit.checkpoint.CheckpointSigner;
import io.incidenttimeline.projections.audit.checkpoint.Ed25519Keys;
import io.incidenttimeline.projections.audit.checkpoint.SignedCheckpoint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline verifier on small hand-made exports: the cases a real export of a healthy server never shows. */
class ExportFileVerifierTest {

    private final KeyPair key = Ed25519Keys.generate();
    private final ExportFileVerifier verifier = new ExportFileVerifier(key.getPublic());

    @TempDir
    Path dir;

    /** Three chained event lines at positions 2, 5 (a gap is fine) and 6, and a checkpoint at 6. */
    private List<String> export() throws Exception {
        List<String> lines = new ArrayList<>();
        String previous = ChainHash.GENESIS;
        for (long position : new long[] {2, 5, 6}) {
            String envelope = "{\"eventId\":\"e" + position + "\",\"payload\":{\"n\":" + position + "}}";
            String hash = ChainHash.next(previous, CanonicalJson.canonicalize(CanonicalJson.parse(envelope)));
            lines.add("{\"position\":" + position + ",\"envelope\":" + envelope + ",\"previousHash\":\"" + previous
                    + "\",\"hash\":\"" + hash + "\"}");
            previous = hash;
        }
        SignedCheckpoint signed = new CheckpointSigner(key).sign(new Checkpoint(6, previous, "2026-01-01T00:00:00Z"));
        lines.add("{\"checkpoint\":" + new String(signed.checkpoint().canonicalBytes(), StandardCharsets.UTF_8)
                + ",\"signature\":\"" + signed.signature() + "\"}");
        return lines;
    }

    private ExportFileVerifier.Result verify(List<String> lines) throws Exception {
        return verifier.verify(Files.write(dir.resolve("export-" + System.nanoTime() + ".ndjson"), lines));
    }

    @Test
    void aChainWithGapsInItsPositionsIsIntactAndAnchored() throws Exception {
        ExportFileVerifier.Result result = verify(export());

        assertThat(result.intact()).isTrue();
        assertThat(result.anchored()).isTrue();
        assertThat(result.fromGenesis()).isTrue();
        assertThat(result.events()).isEqualTo(3);
        assertThat(result.lastCheckpointPosition()).isEqualTo(6);
    }

    @Test
    void aRepeatedLineIsOutOfOrder() throws Exception {
        List<String> lines = export();
        lines.add(2, lines.get(1));

        assertThat(verify(lines).failure()).extracting(Failure::position, Failure::reason).containsExactly(5L, "out-of-order");
    }

    @Test
    void anEventTheServerCouldNotReadIsReportedWhereItStands() throws Exception {
        List<String> lines = export();
        lines.set(1, "{\"position\":5,\"error\":\"the stored payload is not valid JSON\"}");

        Failure failure = verify(lines).failure();
        assertThat(failure.reason()).isEqualTo("event-unreadable");
        assertThat(failure.position()).isEqualTo(5);
        assertThat(failure.detail()).contains("not valid JSON");
    }

    @Test
    void aLineThatIsNotJsonOrNotAnExportLineIsMalformed() throws Exception {
        List<String> notJson = export();
        notJson.set(1, "{\"position\":5,");
        assertThat(verify(notJson).failure().reason()).isEqualTo("malformed-line");

        List<String> stranger = export();
        stranger.set(1, "{\"hello\":\"world\"}");
        assertThat(verify(stranger).failure().reason()).isEqualTo("malformed-line");

        List<String> duplicateKey = export();
        duplicateKey.set(1, duplicateKey.get(1).replace("{\"n\":5}", "{\"n\":5,\"n\":6}"));
        assertThat(verify(duplicateKey).failure().reason()).isEqualTo("malformed-line");
    }

    @Test
    void aCheckpointAtAPositionTheFileSkipsFindsTheMissingEvent() throws Exception {
        List<String> lines = export();
        String head = lines.get(1).replaceAll(".*\"hash\":\"([0-9a-f]{64})\".*", "$1");
        SignedCheckpoint atFive = new CheckpointSigner(key).sign(new Checkpoint(5, head, "2026-01-01T00:00:00Z"));
        lines.add("{\"checkpoint\":" + new String(atFive.checkpoint().canonicalBytes(), StandardCharsets.UTF_8)
                + ",\"signature\":\"" + atFive.signature() + "\"}");
        lines.remove(1);

        assertThat(verify(lines).failure()).extracting(Failure::position, Failure::reason)
                .containsExactly(5L, "event-missing");
    }

    @Test
    void aPartialExportIsNotFromGenesisYetAnchoredByItsCheckpoint() throws Exception {
        ExportFileVerifier.Result result = verify(export().subList(1, 4));

        assertThat(result.intact()).isTrue();
        assertThat(result.fromGenesis()).isFalse();
        assertThat(result.anchored()).isTrue();
    }
}
