package io.incidenttimeline.projections.audit.checkpoint;

import io.incidenttimeline.projections.audit.chain.ChainEntry;
import io.incidenttimeline.projections.audit.chain.ChainExtender;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Signs the chain's head: first the chain is extended over every settled event, then its head is signed and kept. */
@Service
public class CheckpointService {

    private final ChainExtender chain;
    private final CheckpointSigner signer;
    private final CheckpointStore store;
    private final Clock clock;

    public CheckpointService(ChainExtender chain, CheckpointSigner signer, CheckpointStore store, Clock clock) {
        this.chain = chain;
        this.signer = signer;
        this.store = store;
        this.clock = clock;
    }

    public SignedCheckpoint create() {
        return sign(chain.extend());
    }

    /** A checkpoint only when the chain grew since the newest one: the periodic schedule uses this. */
    public Optional<SignedCheckpoint> createIfAdvanced() {
        ChainEntry head = chain.extend();
        long latest = store.latest().map(s -> s.checkpoint().position()).orElse(-1L);
        return head.position() > latest ? Optional.of(sign(head)) : Optional.empty();
    }

    private SignedCheckpoint sign(ChainEntry head) {
        SignedCheckpoint signed = signer.sign(new Checkpoint(head.position(), head.hash(), clock.instant().toString()));
        store.add(signed);
        return signed;
    }
}
