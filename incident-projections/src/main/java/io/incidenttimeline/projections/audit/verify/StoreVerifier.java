package io.incidenttimeline.projections.audit.verify;

import io.incidenttimeline.projections.audit.chain.ChainEntry;
import io.incidenttimeline.projections.audit.chain.ChainHash;
import io.incidenttimeline.projections.audit.chain.ChainStore;
import io.incidenttimeline.projections.audit.chain.Envelope;
import io.incidenttimeline.projections.audit.chain.EventRows;
import io.incidenttimeline.projections.audit.chain.StoredEvent;
import io.incidenttimeline.projections.audit.chain.UnreadableEventException;
import io.incidenttimeline.projections.audit.checkpoint.CheckpointSigner;
import io.incidenttimeline.projections.audit.checkpoint.CheckpointStore;
import io.incidenttimeline.projections.audit.checkpoint.PublishedCheckpoint;
import io.incidenttimeline.projections.audit.checkpoint.SignedCheckpoint;
import io.incidenttimeline.projections.audit.continuity.ChainContinuity;
import io.incidenttimeline.projections.audit.continuity.WitnessFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Recomputes the chain from the event store, from genesis, and walks it side by side with the recorded chain and the
 * signed checkpoints, stopping at the first position that disagrees. The checkpoints are those in the database and the
 * node's own record of the newest one ({@link ChainContinuity}), which a database writer cannot delete. When the
 * history agrees with all of them, the report still fails while the database has lost what the record names. Reads
 * only; events, links and checkpoints are each read page by page or in full for the (few) checkpoints.
 */
@Service
public class StoreVerifier {

    private final EventRows events;
    private final ChainStore chain;
    private final CheckpointStore checkpoints;
    private final CheckpointSigner signer;
    private final ChainContinuity continuity;

    public StoreVerifier(EventRows events, ChainStore chain, CheckpointStore checkpoints, CheckpointSigner signer,
                         ChainContinuity continuity) {
        this.events = events;
        this.chain = chain;
        this.checkpoints = checkpoints;
        this.signer = signer;
        this.continuity = continuity;
    }

    public VerificationReport verify() {
        List<SignedCheckpoint> signed = new ArrayList<>(checkpoints.between(0, Long.MAX_VALUE));
        try {
            continuity.recorded().map(PublishedCheckpoint::signed).filter(r -> !signed.contains(r)).ifPresent(signed::add);
        } catch (WitnessFile.DamagedRecord damaged) {
            // the continuity check below reports it
        }
        signed.sort(Comparator.comparingLong(c -> c.checkpoint().position()));
        VerificationReport walked = new Walk(signed).run();
        if (!walked.intact()) {
            return walked;
        }
        return continuity.check().map(failure -> new VerificationReport(false, walked.eventsChecked(),
                walked.lastPosition(), walked.headHash(), walked.chainedThrough(), walked.checkpointsVerified(),
                walked.lastCheckpointPosition(), failure)).orElse(walked);
    }

    /** One verification: the three ordered streams and what has been confirmed so far. */
    private final class Walk {

        /** Every row, even at a position of 0 or below where no database puts one but Axon would still read it. */
        private final Peeking<StoredEvent> stored = new Peeking<>(events.range(Long.MIN_VALUE, Long.MAX_VALUE).iterator());
        private final Peeking<ChainEntry> recorded = new Peeking<>(chain.all().iterator());
        private final List<SignedCheckpoint> signed;
        private int nextCheckpoint;
        private String head = ChainHash.GENESIS;
        private long lastPosition;
        private long eventsChecked;
        private long chainedThrough;
        private long checkpointsVerified;
        private long lastCheckpointPosition;

        Walk(List<SignedCheckpoint> signed) {
            this.signed = signed;
        }

        VerificationReport run() {
            while (stored.peek() != null || recorded.peek() != null) {
                StoredEvent event = stored.peek();
                ChainEntry link = recorded.peek();
                long position = Math.min(event == null ? Long.MAX_VALUE : event.position(),
                        link == null ? Long.MAX_VALUE : link.position());
                Failure failure = checkpointsBefore(position);
                if (failure == null) {
                    failure = step(position, event != null && event.position() == position ? event : null,
                            link != null && link.position() == position ? link : null);
                }
                if (failure != null) {
                    return report(failure);
                }
            }
            return report(checkpointsBefore(Long.MAX_VALUE));
        }

        private Failure step(long position, StoredEvent event, ChainEntry link) {
            if (event == null) {
                return new Failure(position, "event-missing", "the chain recorded event " + link.eventId()
                        + " at this position, but the store has no event here: it was deleted or moved");
            }
            stored.next();
            if (link == null && recorded.peek() != null) {
                return new Failure(position, "event-not-in-chain", "event " + event.eventId() + " is stored here but was "
                        + "never recorded in the chain, although later events were: it was inserted afterwards");
            }
            if (link != null) {
                recorded.next();
                if (!link.eventId().equals(event.eventId())) {
                    return replaced(position, event, link);
                }
            }
            String hash;
            try {
                hash = ChainHash.next(head, Envelope.canonical(event));
            } catch (UnreadableEventException e) {
                return new Failure(position, "event-unreadable", e.getMessage());
            }
            if (link != null && !link.hash().equals(hash)) {
                return new Failure(position, "event-altered", "event " + event.eventId() + " no longer hashes to the "
                        + "value recorded for it: a stored column (payload, metadata, type, time...) was changed");
            }
            head = hash;
            lastPosition = position;
            eventsChecked++;
            if (link != null) {
                chainedThrough = position;
            }
            return checkpointsAt(position);
        }

        private Failure replaced(long position, StoredEvent event, ChainEntry link) {
            return chain.positionOf(event.eventId())
                    .map(recordedAt -> new Failure(position, "event-moved", "event " + event.eventId()
                            + " is stored here, but the chain recorded it at position " + recordedAt + " and event "
                            + link.eventId() + " here: events were reordered"))
                    .orElseGet(() -> new Failure(position, "event-replaced", "event " + event.eventId()
                            + " is stored here, but the chain recorded event " + link.eventId() + " here"));
        }

        /** Checkpoints at the event just confirmed: each must carry a valid signature and that event's chain hash. */
        private Failure checkpointsAt(long position) {
            while (nextCheckpoint < signed.size() && signed.get(nextCheckpoint).checkpoint().position() == position) {
                Failure failure = confirm(signed.get(nextCheckpoint++), head);
                if (failure != null) {
                    return failure;
                }
            }
            return null;
        }

        /** Checkpoints at positions the walk passed without an event there (or beyond the last event). */
        private Failure checkpointsBefore(long position) {
            while (nextCheckpoint < signed.size() && signed.get(nextCheckpoint).checkpoint().position() < position) {
                SignedCheckpoint checkpoint = signed.get(nextCheckpoint++);
                long at = checkpoint.checkpoint().position();
                if (at == 0) {
                    Failure failure = confirm(checkpoint, ChainHash.GENESIS);
                    if (failure != null) {
                        return failure;
                    }
                    continue;
                }
                if (!signer.isValid(checkpoint)) {
                    return invalidSignature(checkpoint);
                }
                String where = position == Long.MAX_VALUE ? "the store ends at position " + lastPosition
                        + ": the newest events were deleted" : "the store has no event there: it was deleted";
                return new Failure(at, "event-missing", "the checkpoint signed at " + checkpoint.checkpoint().createdAt()
                        + " covers an event at this position, but " + where);
            }
            return null;
        }

        private Failure confirm(SignedCheckpoint checkpoint, String expectedHead) {
            if (!signer.isValid(checkpoint)) {
                return invalidSignature(checkpoint);
            }
            if (!checkpoint.checkpoint().headHash().equals(expectedHead)) {
                return new Failure(checkpoint.checkpoint().position(), "checkpoint-mismatch", "the chain through this "
                        + "position does not produce the head hash signed at " + checkpoint.checkpoint().createdAt()
                        + ": an event after position " + lastCheckpointPosition + " and up to here was altered, "
                        + "removed or reordered, and the recorded chain was changed to hide it");
            }
            checkpointsVerified++;
            lastCheckpointPosition = checkpoint.checkpoint().position();
            return null;
        }

        private Failure invalidSignature(SignedCheckpoint checkpoint) {
            return new Failure(checkpoint.checkpoint().position(), "checkpoint-signature-invalid", "the checkpoint "
                    + "stored for this position (created " + checkpoint.checkpoint().createdAt()
                    + ") is not signed by this server's key: it was forged or altered");
        }

        private VerificationReport report(Failure failure) {
            return new VerificationReport(failure == null, eventsChecked, lastPosition, head, chainedThrough,
                    checkpointsVerified, lastCheckpointPosition, failure);
        }
    }

    /** An iterator that can show its next element without taking it. */
    private static final class Peeking<T> {

        private final Iterator<T> iterator;
        private T next;

        Peeking(Iterator<T> iterator) {
            this.iterator = iterator;
        }

        T peek() {
            if (next == null && iterator.hasNext()) {
                next = iterator.next();
            }
            return next;
        }

        T next() {
            T taken = peek();
            next = null;
            return taken;
        }
    }
}
