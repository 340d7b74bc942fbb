package io.incidenttimeline.projections.audit.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.incidenttimeline.projections.audit.chain.ChainEntry;
import io.incidenttimeline.projections.audit.chain.ChainExtender;
import io.incidenttimeline.projections.audit.continuity.ChainContinuity;
import io.incidenttimeline.projections.audit.continuity.ContinuityBroken;
import io.incidenttimeline.projections.audit.verify.Failure;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The periodic checkpoint signs only when the chain grew; one on demand always signs. */
class CheckpointServiceTest {

    private final ChainExtender chain = mock(ChainExtender.class);
    private final CheckpointStore store = mock(CheckpointStore.class);
    private final CheckpointSigner signer = new CheckpointSigner(Ed25519Keys.generate());
    private final ChainContinuity continuity = mock(ChainContinuity.class);
    private final CheckpointService service = new CheckpointService(chain, signer, store, continuity, event -> { },
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    private void latestSignedAt(long position) {
        when(store.latest()).thenReturn(Optional.of(signer.sign(new Checkpoint(position, "ab".repeat(32), "t"))));
    }

    @Test
    void theScheduleSignsWhenTheChainGrew() {
        when(chain.extend()).thenReturn(new ChainEntry(12, "e12", "cd".repeat(32)));
        latestSignedAt(10);

        Optional<SignedCheckpoint> signed = service.createIfAdvanced();

        assertThat(signed).hasValueSatisfying(s -> {
            assertThat(s.checkpoint()).isEqualTo(new Checkpoint(12, "cd".repeat(32), "2026-01-01T00:00:00Z"));
            assertThat(signer.isValid(s)).isTrue();
        });
        verify(store).add(signed.get());
    }

    @Test
    void theScheduleSignsNothingWhenTheChainDidNotGrow() {
        when(chain.extend()).thenReturn(new ChainEntry(10, "e10", "cd".repeat(32)));
        latestSignedAt(10);

        assertThat(service.createIfAdvanced()).isEmpty();
        verify(store, never()).add(any());
    }

    @Test
    void onDemandACheckpointIsAlwaysSignedEvenOfAnEmptyStore() {
        when(chain.extend()).thenReturn(ChainEntry.GENESIS);

        SignedCheckpoint signed = service.create();

        assertThat(signed.checkpoint().position()).isZero();
        assertThat(signed.checkpoint().headHash()).isEqualTo(io.incidenttimeline.projections.audit.chain.ChainHash.GENESIS);
        verify(store).add(signed);
    }

    @Test
    void aSignedCheckpointIsRecordedByTheNodeAndPublishedWithTheKeyId() {
        when(chain.extend()).thenReturn(new ChainEntry(12, "e12", "cd".repeat(32)));

        SignedCheckpoint signed = service.create();

        verify(continuity).signed(signed);
        assertThat(signer.publish(signed)).isEqualTo(new PublishedCheckpoint(signed.checkpoint(), signed.signature(),
                signer.keyId()));
        assertThat(signer.keyId()).matches("[0-9a-f]{64}");
    }

    @Test
    void nothingIsSignedWhileTheContinuityIsBroken() {
        when(chain.extend()).thenReturn(new ChainEntry(12, "e12", "cd".repeat(32)));
        when(continuity.check()).thenReturn(Optional.of(new Failure(10, "checkpoint-lost", "gone")));

        assertThatThrownBy(service::create).isInstanceOf(ContinuityBroken.class).hasMessageContaining("checkpoint-lost");
        assertThat(service.createIfAdvanced()).isEmpty().as("the schedule is refused the same way");
        verify(store, never()).add(any());
    }
}
