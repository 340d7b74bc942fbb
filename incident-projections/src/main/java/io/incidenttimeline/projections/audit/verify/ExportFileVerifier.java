package io.incidenttimeline.projections.audit.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidenttimeline.projections.audit.chain.CanonicalJson;
import io.incidenttimeline.projections.audit.chain.ChainHash;
import io.incidenttimeline.projections.audit.checkpoint.Checkpoint;
import io.incidenttimeline.projections.audit.checkpoint.CheckpointSignatures;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Verifies an audit export with nothing but the file and the server's public key (no Spring, no database): every
 * line's hash is recomputed from its envelope, every line must link to the one before, and every signed checkpoint
 * must carry a valid signature and the hash of the event at its position. Two passes over the file: the first collects
 * the (few) checkpoint lines, the second walks the events, so memory does not grow with the file.
 *
 * <p>Checkpoints an auditor kept from earlier (the latest-checkpoint endpoint, a webhook) may be given too: each must be
 * in the exported history with the same head hash, or the history was {@code rewritten} since, or {@code truncated}
 * when the export ends before it. They are what a database writer cannot delete from the server's side.
 */
public final class ExportFileVerifier {

    /** The outcome: {@code failure} is null when nothing disagrees; then {@code unanchoredAfter} tells coverage. */
    public record Result(long events, long firstPosition, long lastPosition, boolean fromGenesis,
                         long checkpointsVerified, long lastCheckpointPosition, long knownConfirmed,
                         long knownBeforeExport, Failure failure) {

        public boolean intact() {
            return failure == null;
        }

        /** Every event is covered by a verified checkpoint. */
        public boolean anchored() {
            return intact() && events > 0 && lastCheckpointPosition >= lastPosition;
        }
    }

    private record CheckpointLine(int line, long position, String headHash, String createdAt, byte[] canonical,
                                  String signature) {
    }

    private final PublicKey publicKey;

    public ExportFileVerifier(PublicKey publicKey) {
        this.publicKey = publicKey;
    }

    public Result verify(Path export) throws IOException {
        return verify(export, List.of());
    }

    /** @param known checkpoints kept from earlier, each checked to carry a valid signature by the caller */
    public Result verify(Path export, List<Checkpoint> known) throws IOException {
        List<CheckpointLine> checkpoints = new ArrayList<>();
        Failure malformed = eachLine(export, (number, text) -> readCheckpoint(number, text, checkpoints));
        if (malformed != null) {
            return new Result(0, 0, 0, false, 0, 0, 0, 0, malformed);
        }
        checkpoints.sort(Comparator.comparingLong(CheckpointLine::position).thenComparingInt(CheckpointLine::line));
        List<Checkpoint> kept = new ArrayList<>(known);
        kept.sort(Comparator.comparingLong(Checkpoint::position));
        return new Walk(checkpoints, kept).run(export);
    }

    /** Adds the line to {@code checkpoints} if it is one; a line that is no JSON or a malformed checkpoint fails. */
    private static Failure readCheckpoint(int number, String text, List<CheckpointLine> checkpoints) {
        JsonNode line;
        try {
            line = CanonicalJson.parse(text);
        } catch (CanonicalJson.MalformedJsonException e) {
            return new Failure(0, "malformed-line", "line " + number + " " + e.getMessage());
        }
        if (!line.has("checkpoint")) {
            return null;
        }
        JsonNode checkpoint = line.get("checkpoint");
        if (!checkpoint.isObject() || !checkpoint.path("position").canConvertToExactIntegral()
                || !checkpoint.path("headHash").isTextual() || !line.path("signature").isTextual()) {
            return new Failure(0, "malformed-line", "line " + number
                    + ": a checkpoint line needs checkpoint.position, checkpoint.headHash and signature");
        }
        try {
            checkpoints.add(new CheckpointLine(number, checkpoint.get("position").asLong(),
                    checkpoint.get("headHash").asText(), checkpoint.path("createdAt").asText(),
                    CanonicalJson.canonicalize(checkpoint), line.get("signature").asText()));
        } catch (CanonicalJson.MalformedJsonException e) {
            return new Failure(0, "malformed-line", "line " + number + ": the checkpoint " + e.getMessage());
        }
        return null;
    }

    /** Hands each non-blank line of the export, with its number from 1, to {@code check} until one fails. */
    private static Failure eachLine(Path export, LineCheck check) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                number++;
                if (!text.isBlank()) {
                    Failure failure = check.line(number, text);
                    if (failure != null) {
                        return failure;
                    }
                }
            }
        }
        return null;
    }

    /** One line's check: null when the line is fine. */
    private interface LineCheck {
        Failure line(int number, String text);
    }

    /** The second pass over the event lines. */
    private final class Walk {

        private final List<CheckpointLine> checkpoints;
        private final List<Checkpoint> known;
        private int nextCheckpoint;
        private int nextKnown;
        private long knownConfirmed;
        private long knownBeforeExport;
        private long events;
        private long firstPosition;
        private long lastPosition;
        private boolean fromGenesis;
        private String head;
        private long checkpointsVerified;
        private long lastCheckpointPosition;

        Walk(List<CheckpointLine> checkpoints, List<Checkpoint> known) {
            this.checkpoints = checkpoints;
            this.known = known;
        }

        Result run(Path export) throws IOException {
            Failure failure = eachLine(export, (number, text) -> line(number, parse(text)));
            if (failure == null) {
                failure = checkpointsBefore(Long.MAX_VALUE);
            }
            return result(failure != null ? failure : knownBefore(Long.MAX_VALUE));
        }

        private Failure line(int number, JsonNode line) {
            if (line.has("checkpoint")) {
                return null;
            }
            if (!line.path("position").canConvertToExactIntegral() || line.get("position").asLong() < 1) {
                return new Failure(0, "malformed-line", "line " + number + " is neither an event nor a checkpoint");
            }
            long position = line.get("position").asLong();
            if (line.has("error")) {
                return new Failure(position, "event-unreadable", "the server could not export this event: "
                        + line.get("error").asText());
            }
            JsonNode envelope = line.path("envelope");
            String previousHash = line.path("previousHash").asText(null);
            String hash = line.path("hash").asText(null);
            if (!envelope.isObject() || !ChainHash.isHash(previousHash) || !ChainHash.isHash(hash)) {
                return new Failure(position, "malformed-line", "line " + number
                        + ": an event line needs an envelope object and previousHash and hash as 64 lower-case hex digits");
            }
            if (events > 0 && position <= lastPosition) {
                return new Failure(position, "out-of-order", "line " + number + ": position " + position
                        + " follows position " + lastPosition + "; lines were reordered or repeated");
            }
            Failure missed = checkpointsBefore(position);
            if (missed != null) {
                return missed;
            }
            if (events == 0) {
                firstPosition = position;
                fromGenesis = previousHash.equals(ChainHash.GENESIS);
            }
            if (events > 0 && !previousHash.equals(head)) {
                return new Failure(position, "chain-broken", "line " + number + ": previousHash is not the hash of the "
                        + "line before (position " + lastPosition + "): an event between them was removed, or lines "
                        + "were reordered");
            }
            Failure rewritten = knownBefore(position);
            if (rewritten != null) {
                return rewritten;
            }
            String computed;
            try {
                computed = ChainHash.next(previousHash, CanonicalJson.canonicalize(envelope));
            } catch (CanonicalJson.MalformedJsonException e) {
                return new Failure(position, "malformed-line", "line " + number + ": the envelope " + e.getMessage());
            }
            if (!computed.equals(hash)) {
                return new Failure(position, "hash-mismatch", "line " + number + ": the envelope does not hash to the "
                        + "line's hash: the event was altered");
            }
            head = hash;
            lastPosition = position;
            events++;
            Failure failure = checkpointsAt(position);
            return failure != null ? failure : knownAt(position);
        }

        /** Kept checkpoints at the event just confirmed: the exported chain must carry the head hash they name. */
        private Failure knownAt(long position) {
            while (nextKnown < known.size() && known.get(nextKnown).position() == position) {
                Checkpoint checkpoint = known.get(nextKnown++);
                if (!checkpoint.headHash().equals(head)) {
                    return new Failure(position, "rewritten", "the checkpoint you kept, signed at "
                            + checkpoint.createdAt() + ", names another head hash than the exported chain through this "
                            + "position: the history up to here was rewritten since it was signed");
                }
                knownConfirmed++;
                lastCheckpointPosition = Math.max(lastCheckpointPosition, position);
            }
            return null;
        }

        /** Kept checkpoints at positions passed without an event there, or beyond the export's last event. */
        private Failure knownBefore(long position) {
            while (nextKnown < known.size() && known.get(nextKnown).position() < position) {
                Checkpoint checkpoint = known.get(nextKnown++);
                if (checkpoint.position() == 0 && fromGenesis) {
                    knownConfirmed++;
                    continue;
                }
                if (position != Long.MAX_VALUE && events == 0 && !fromGenesis) {
                    knownBeforeExport++; // before the exported range: this file cannot confirm it
                    continue;
                }
                if (position == Long.MAX_VALUE) {
                    return new Failure(checkpoint.position(), "truncated", "the checkpoint you kept, signed at "
                            + checkpoint.createdAt() + ", covers the history up to this position, but the export ends "
                            + (events == 0 ? "without any event" : "at position " + lastPosition)
                            + ": events were cut off since it was signed");
                }
                return new Failure(checkpoint.position(), "rewritten", "the checkpoint you kept, signed at "
                        + checkpoint.createdAt() + ", names an event at this position, but the export has none there: "
                        + "the history up to here was rewritten since it was signed");
            }
            return null;
        }

        private Failure checkpointsAt(long position) {
            while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).position() == position) {
                CheckpointLine checkpoint = checkpoints.get(nextCheckpoint++);
                if (!signed(checkpoint)) {
                    return invalidSignature(checkpoint);
                }
                if (!checkpoint.headHash().equals(head)) {
                    return new Failure(position, "checkpoint-mismatch", "line " + checkpoint.line() + ": the checkpoint "
                            + "signed at " + checkpoint.createdAt() + " names another head hash than the chain "
                            + "through this position: the history up to here differs from what the server signed");
                }
                checkpointsVerified++;
                lastCheckpointPosition = position;
            }
            return null;
        }

        /** Checkpoints whose position was passed without an event line there. */
        private Failure checkpointsBefore(long position) {
            while (nextCheckpoint < checkpoints.size() && checkpoints.get(nextCheckpoint).position() < position) {
                CheckpointLine checkpoint = checkpoints.get(nextCheckpoint++);
                if (!signed(checkpoint)) {
                    return invalidSignature(checkpoint);
                }
                if (events == 0) {
                    continue; // before the exported range: it cannot be checked against this file
                }
                String where = position == Long.MAX_VALUE ? "the export ends at position " + lastPosition
                        + ": events were cut off" : "the export has no event there: it was removed";
                return new Failure(checkpoint.position(), "event-missing", "line " + checkpoint.line()
                        + ": a signed checkpoint covers an event at this position, but " + where);
            }
            return null;
        }

        private boolean signed(CheckpointLine checkpoint) {
            return CheckpointSignatures.verify(publicKey, checkpoint.canonical(), checkpoint.signature());
        }

        private Failure invalidSignature(CheckpointLine checkpoint) {
            return new Failure(checkpoint.position(), "signature-invalid", "line " + checkpoint.line()
                    + ": the checkpoint's signature does not verify with the given public key: it was forged or altered");
        }

        private Result result(Failure failure) {
            return new Result(events, firstPosition, lastPosition, fromGenesis, checkpointsVerified,
                    lastCheckpointPosition, knownConfirmed, knownBeforeExport, failure);
        }

        private JsonNode parse(String text) {
            try {
                return CanonicalJson.parse(text);
            } catch (CanonicalJson.MalformedJsonException e) {
                throw new IllegalStateException("the first pass read this line", e);
            }
        }
    }
}
