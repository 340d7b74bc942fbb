package io.incidenttimeline.projections.audit.checkpoint;

import io.incidenttimeline.projections.audit.chain.ChainEntry;
import io.incidenttimeline.projections.audit.chain.ChainExtender;
import io.incidenttimeline.projections.audit.continuity.ChainContinuity;
import io.incidenttimeline.projections.audit.continuity.ContinuityBroken;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Signs the chain's head: first the chain is extended over every settled event, then its head is signed and kept, in
 * the database and in the node's own record, and announced ({@link CheckpointSigned}). Nothing is signed while the
 * chain's continuity is broken.
 */
@Service
public class CheckpointService {

    private final ChainExtender chain;
    private final CheckpointSigner signer;
    private final CheckpointStore store;
    private final ChainContinuity continuity;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public CheckpointService(ChainExtender chain, CheckpointSigner signer, CheckpointStore store,
                             ChainContinuity continuity, ApplicationEventPublisher events, Clock clock) {
        this.chain = chain;
        this.signer = signer;
        this.store = store;
        this.continuity = continuity;
        this.events = events;
        this.clock = clock;
    }

    /** @throws ContinuityBroken while the database does not match the node's checkpoint record */
    public SignedCheckpoint create() {
        return sign(chain.extend());
    }

    /**
     * A checkpoint only when the chain grew since the newest one: the periodic schedule uses this. While the
     * continuity is broken it signs nothing ({@link ChainContinuity} has logged why).
     */
    public Optional<SignedCheckpoint> createIfAdvanced() {
        ChainEntry head = chain.extend();
        if (continuity.check().isPresent()) {
            return Optional.empty();
        }
        long latest = store.latest().map(s -> s.checkpoint().position()).orElse(-1L);
        return head.position() > latest ? Optional.of(sign(head)) : Optional.empty();
    }

    private synchronized SignedCheckpoint sign(ChainEntry head) {
        continuity.check().ifPresent(failure -> {
            throw new ContinuityBroken(failure);
        });
        SignedCheckpoint signed = signer.sign(new Checkpoint(head.position(), head.hash(), clock.instant().toString()));
        store.add(signed);
        continuity.signed(signed);
        events.publishEvent(new CheckpointSigned(signer.publish(signed)));
        return signed;
    }
}
