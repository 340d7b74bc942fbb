package io.incidenttimeline.projections.audit.continuity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.incidenttimeline.projections.audit.chain.ChainEntry;
import io.incidenttimeline.projections.audit.chain.ChainStore;
import io.incidenttimeline.projections.audit.checkpoint.Checkpoint;
import io.incidenttimeline.projections.audit.checkpoint.CheckpointSigner;
import io.incidenttimeline.projections.audit.checkpoint.CheckpointStore;
import io.incidenttimeline.projections.audit.checkpoint.Ed25519Keys;
import io.incidenttimeline.projections.audit.checkpoint.SignedCheckpoint;
import io.incidenttimeline.projections.audit.verify.Failure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the node's checkpoint record says about a database that changed underneath it. */
class ChainContinuityTest {

    private static final String HEAD = "cd".repeat(32);

    @TempDir
    Path dataDir;

    private final ChainStore chain = mock(ChainStore.class);
    private final CheckpointStore checkpoints = mock(CheckpointStore.class);
    private final CheckpointSigner signer = new CheckpointSigner(Ed25519Keys.generate());
    private final SignedCheckpoint recorded = signer.sign(new Checkpoint(12, HEAD, "2026-01-01T00:00:00Z"));
    private WitnessFile witness;
    private ChainContinuity continuity;

    @BeforeEach
    void aNodeThatRecordedACheckpointAtPosition12() {
        witness = new WitnessFile(dataDir);
        continuity = new ChainContinuity(witness, chain, checkpoints, signer,
                Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"), ZoneOffset.UTC));
        continuity.signed(recorded);
        when(checkpoints.contains(recorded)).thenReturn(true);
        when(chain.at(12)).thenReturn(Optional.of(new ChainEntry(12, "e12", HEAD)));
        when(chain.head()).thenReturn(new ChainEntry(20, "e20", "ef".repeat(32)));
    }

    private String reason() {
        return continuity.check().map(Failure::reason).orElse("whole");
    }

    @Test
    void aDatabaseHoldingTheRecordedCheckpointAndItsChainIsWhole() {
        assertThat(reason()).isEqualTo("whole");
    }

    @Test
    void theRecordedCheckpointDeletedIsLost() {
        when(checkpoints.contains(recorded)).thenReturn(false);

        assertThat(reason()).isEqualTo("checkpoint-lost");
    }

    @Test
    void everyLinkDeletedIsAMissingChainAndLinksCutBackBelowTheRecordAreATruncatedOne() {
        when(chain.at(12)).thenReturn(Optional.empty());
        when(chain.head()).thenReturn(ChainEntry.GENESIS);
        assertThat(reason()).isEqualTo("chain-missing");

        when(chain.head()).thenReturn(new ChainEntry(7, "e7", "ab".repeat(32)));
        assertThat(reason()).isEqualTo("chain-truncated");
    }

    @Test
    void anotherHashAtTheRecordedPositionIsARewrittenChain() {
        when(chain.at(12)).thenReturn(Optional.of(new ChainEntry(12, "e12", "ab".repeat(32))));

        assertThat(reason()).isEqualTo("chain-rewritten");
    }

    @Test
    void aDamagedRecordIsAFailureNotAnAbsentRecord() throws Exception {
        Files.writeString(witness.path(), "{\"checkpoint\":");

        assertThat(reason()).isEqualTo("checkpoint-record-damaged");
    }

    @Test
    void aNewerGenuineCheckpointThatTheChainAgreesWithBecomesTheRecord() {
        SignedCheckpoint newer = signer.sign(new Checkpoint(20, "ef".repeat(32), "2026-01-02T00:00:00Z"));
        when(checkpoints.latest()).thenReturn(Optional.of(newer));
        when(chain.at(20)).thenReturn(Optional.of(new ChainEntry(20, "e20", "ef".repeat(32))));

        assertThat(reason()).isEqualTo("whole");
        assertThat(witness.read().orElseThrow().signed()).isEqualTo(newer);

        SignedCheckpoint forged = new CheckpointSigner(Ed25519Keys.generate())
                .sign(new Checkpoint(30, "ef".repeat(32), "2026-01-03T00:00:00Z"));
        when(checkpoints.latest()).thenReturn(Optional.of(forged));
        when(checkpoints.contains(newer)).thenReturn(true);
        assertThat(reason()).isEqualTo("whole");
        assertThat(witness.read().orElseThrow().signed()).as("a checkpoint of another key is never adopted")
                .isEqualTo(newer);
    }

    @Test
    void onlyTheCurrentFailureNamedExactlyIsAcceptedAndTheRecordIsKeptAside() throws Exception {
        when(checkpoints.contains(recorded)).thenReturn(false);

        assertThatThrownBy(() -> continuity.accept("checkpoint-lost", 11, "admin"))
                .isInstanceOf(ChainContinuity.NotTheCurrentFailure.class).hasMessageContaining("at position 12");
        assertThatThrownBy(() -> continuity.accept("chain-missing", 12, "admin"))
                .isInstanceOf(ChainContinuity.NotTheCurrentFailure.class);

        ChainContinuity.Acceptance accepted = continuity.accept("checkpoint-lost", 12, "admin");

        assertThat(reason()).isEqualTo("whole");
        assertThat(witness.read()).isEmpty();
        String kept = Files.readString(dataDir.resolve(accepted.keptRecord()));
        assertThat(kept).contains("\"by\" : \"admin\"").contains(HEAD);
        assertThatThrownBy(() -> continuity.accept("checkpoint-lost", 12, "admin"))
                .hasMessageContaining("nothing to accept");
    }
}
