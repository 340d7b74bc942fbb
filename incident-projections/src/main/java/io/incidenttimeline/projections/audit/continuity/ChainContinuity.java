package io.incidenttimeline.projections.audit.continuity;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidenttimeline.projections.audit.chain.ChainEntry;
import io.incidenttimeline.projections.audit.chain.ChainStore;
import io.incidenttimeline.projections.audit.checkpoint.CheckpointSigner;
import io.incidenttimeline.projections.audit.checkpoint.CheckpointStore;
import io.incidenttimeline.projections.audit.checkpoint.PublishedCheckpoint;
import io.incidenttimeline.projections.audit.checkpoint.SignedCheckpoint;
import io.incidenttimeline.projections.audit.verify.Failure;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Whether the database still holds the chain this node once vouched for. The evidence is the node's record of the
 * newest checkpoint it signed or saw ({@link WitnessFile}, outside the database): that exact checkpoint must still be
 * stored, and the recorded chain must reach its position with its head hash. Otherwise checkpoints were deleted, the
 * chain was deleted or rewritten, or the database was replaced, and the node refuses to extend the chain or sign
 * anything over it until an operator accepts the loss on purpose ({@link #accept}).
 *
 * <p>Nothing but the record is remembered between calls, so a restarted node decides exactly as a running one.
 */
@Service
public class ChainContinuity {

    private static final Logger log = LoggerFactory.getLogger(ChainContinuity.class);

    private final WitnessFile witness;
    private final ChainStore chain;
    private final CheckpointStore checkpoints;
    private final CheckpointSigner signer;
    private final Clock clock;
    private Failure reported;

    public ChainContinuity(WitnessFile witness, ChainStore chain, CheckpointStore checkpoints, CheckpointSigner signer,
                           Clock clock) {
        this.witness = witness;
        this.chain = chain;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.clock = clock;
    }

    /** The node's record of the newest checkpoint it signed or saw, if it has one. */
    public Optional<PublishedCheckpoint> recorded() {
        return witness.read();
    }

    /** Why the node refuses to go on, or empty while the database matches its record. Logs each new failure at ERROR. */
    public synchronized Optional<Failure> check() {
        Optional<PublishedCheckpoint> record;
        Optional<Failure> failure;
        try {
            record = witness.read();
            failure = record.flatMap(this::mismatch);
        } catch (WitnessFile.DamagedRecord e) {
            record = Optional.empty();
            failure = Optional.of(new Failure(0, "checkpoint-record-damaged", e.getMessage()));
        }
        if (failure.isEmpty()) {
            adoptNewer(record);
        }
        report(failure.orElse(null));
        return failure;
    }

    /** Records a checkpoint this node just signed and stored. */
    public synchronized void signed(SignedCheckpoint signed) {
        witness.write(signer.publish(signed));
    }

    /**
     * The operator's deliberate acceptance of the current failure, which must be named exactly (reason and position),
     * so that no standing setting can wave a later, different loss through. The record is moved aside (kept, with who
     * accepted it and when) and the node goes on from the database as it is. Logged at WARN.
     */
    public synchronized Acceptance accept(String reason, long position, String actor) {
        Failure current = check().orElseThrow(() -> new NotTheCurrentFailure(reason, position, null));
        if (!current.reason().equals(reason) || current.position() != position) {
            throw new NotTheCurrentFailure(reason, position, current);
        }
        ObjectNode acceptance = JsonNodeFactory.instance.objectNode();
        String at = clock.instant().toString();
        acceptance.put("at", at);
        acceptance.put("by", actor);
        acceptance.put("reason", reason);
        acceptance.put("position", position);
        acceptance.put("detail", current.detail());
        Path kept = witness.archive(acceptance, clock.instant());
        log.warn("{} accepted the audit continuity failure {} at position {} ({}); the node's checkpoint record was "
                        + "moved to {} and the audit chain goes on from the database as it is now",
                actor, reason, position, current.detail(), kept);
        reported = null;
        check();
        return new Acceptance(current, kept.getFileName().toString(), at);
    }

    /** What was accepted, the file that keeps the former record, and when. */
    public record Acceptance(Failure accepted, String keptRecord, String at) {
    }

    private Optional<Failure> mismatch(PublishedCheckpoint record) {
        SignedCheckpoint signed = record.signed();
        long position = signed.checkpoint().position();
        String what = "the checkpoint at position " + position + " signed at " + signed.checkpoint().createdAt()
                + " (head hash " + signed.checkpoint().headHash() + "), which this node recorded in " + witness.path();
        if (!checkpoints.contains(signed)) {
            return Optional.of(new Failure(position, "checkpoint-lost", what + ", is no longer in the database: "
                    + "checkpoints were deleted, or the database was restored from an older backup or replaced"));
        }
        if (position == 0) {
            return Optional.empty();
        }
        Optional<ChainEntry> link = chain.at(position);
        if (link.isEmpty()) {
            ChainEntry head = chain.head();
            if (head.position() < position) {
                String reason = head.position() == 0 ? "chain-missing" : "chain-truncated";
                return Optional.of(new Failure(position, reason, "the recorded chain ends at position "
                        + head.position() + ", before " + what + ": recorded links were deleted"));
            }
        }
        if (link.isEmpty() || !link.get().hash().equals(signed.checkpoint().headHash())) {
            return Optional.of(new Failure(position, "chain-rewritten", "the recorded chain at position " + position
                    + " does not carry the head hash of " + what + ": the recorded chain was rewritten"));
        }
        return Optional.empty();
    }

    /** Another node's newer checkpoint becomes this node's record once it is genuine and the chain agrees with it. */
    private void adoptNewer(Optional<PublishedCheckpoint> record) {
        long recordedPosition = record.map(r -> r.checkpoint().position()).orElse(-1L);
        checkpoints.latest()
                .filter(latest -> latest.checkpoint().position() > recordedPosition)
                .filter(signer::isValid)
                .filter(latest -> latest.checkpoint().position() == 0 || chain.at(latest.checkpoint().position())
                        .map(link -> link.hash().equals(latest.checkpoint().headHash())).orElse(false))
                .ifPresent(latest -> witness.write(signer.publish(latest)));
    }

    private void report(Failure failure) {
        if (Objects.equals(failure, reported)) {
            return;
        }
        if (failure != null) {
            log.error("The audit chain's continuity is broken ({} at position {}): {}. Until an admin acts, the chain "
                            + "is not extended, no checkpoint is signed, /api/v1/audit/verify reports it and the health "
                            + "indicator 'audit' is DOWN. Put the deleted rows back from a backup, or accept the loss on "
                            + "purpose: POST /api/v1/admin/audit/continuity/acceptance?reason={}&position={}",
                    failure.reason(), failure.position(), failure.detail(), failure.reason(), failure.position());
        } else if (reported != null) {
            log.info("The audit chain's continuity is whole again: the database matches the node's checkpoint record");
        }
        reported = failure;
    }

    /** The named failure is not the current one (or there is none): nothing is accepted. */
    public static final class NotTheCurrentFailure extends RuntimeException {

        private final transient Failure current;

        NotTheCurrentFailure(String reason, long position, Failure current) {
            super(current == null ? "the audit chain's continuity is not broken: there is nothing to accept"
                    : "the current continuity failure is " + current.reason() + " at position " + current.position()
                    + ", not " + reason + " at position " + position + ": " + current.detail());
            this.current = current;
        }

        public Optional<Failure> current() {
            return Optional.ofNullable(current);
        }
    }
}
